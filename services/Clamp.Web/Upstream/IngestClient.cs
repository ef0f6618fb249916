using System.Net.Http.Headers;

namespace Clamp.Web.Upstream;

/// <summary>The ingest HTTP API, as the page needs it: uploads, a score's status and a score's stored file.
/// Answers come back whole (status, media type, body) for the endpoints to pass on or read.</summary>
internal sealed class IngestClient(HttpClient http)
{
    /// <summary>Sends a multipart upload as it came (a score, a multi-tune ABC file or a zip: one score per tune or entry).</summary>
    public Task<HttpResponseMessage> UploadAsync(byte[] body, string contentType, CancellationToken ct)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return http.PostAsync("v1/scores:batch", content, ct);
    }

    public Task<HttpResponseMessage> GetScoreAsync(Guid id, CancellationToken ct) => http.GetAsync($"v1/scores/{id}", ct);

    public Task<HttpResponseMessage> GetContentAsync(Guid id, CancellationToken ct) => http.GetAsync($"v1/scores/{id}/content", ct);
}
