using System.Net.Http.Headers;

namespace Clamp.Client;

/// <summary>
/// The multipart form of the ingest API's uploads (<c>POST /v1/scores</c> and <c>/v1/scores:batch</c>): the score's
/// bytes as the part <c>file</c>, with its file name, and each metadata field as a part of its own name.
/// </summary>
public static class ScoreUploadForm
{
    public static MultipartFormDataContent Create(string fileName, byte[] content, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        return form;
    }
}
