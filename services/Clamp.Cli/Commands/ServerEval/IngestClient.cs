using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Clamp.Cli.Commands.ServerEval;

/// <summary>
/// The ingest API as the evaluation uses it: upload one score with metadata, read a score's status. A 429 (the API's
/// rate limit) or 503 is retried after the server's Retry-After (or a second), so a large file paces itself.
/// </summary>
public sealed class IngestClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IngestClient Create(Uri baseAddress, string apiKey)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return new IngestClient(http);
    }

    /// <summary>Uploads a score; returns its id (an already stored copy's id for a duplicate).</summary>
    public async Task<Guid> UploadAsync(SearchEvalLine line, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() =>
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(line.Content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "file", line.FileName);
            if (line.Title is { } title) form.Add(new StringContent(title), "title");
            if (line.Composer is { } composer) form.Add(new StringContent(composer), "composer");
            return new HttpRequestMessage(HttpMethod.Post, "/v1/scores") { Content = form };
        }, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<Upload>(Json, cancellationToken);
        return body?.Id ?? throw new InvalidDataException($"The ingest API answered an upload of {line.Id} without an id.");
    }

    /// <summary>A score's status: received, patched, indexed or failed.</summary>
    public async Task<string> StatusAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"/v1/scores/{id}"), cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<StatusBody>(Json, cancellationToken);
        return body?.Status ?? "";
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var message = request();
            var response = await http.SendAsync(message, cancellationToken);
            if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
            {
                if (response.IsSuccessStatusCode) return response;
                var detail = await response.Content.ReadAsStringAsync(cancellationToken);
                response.Dispose();
                throw new HttpRequestException($"{message.Method} {message.RequestUri}: {(int)response.StatusCode} {detail}");
            }

            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait, cancellationToken);
        }
    }

    private sealed record Upload(Guid Id);

    private sealed record StatusBody(string Status);
}
