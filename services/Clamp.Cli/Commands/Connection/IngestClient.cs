using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Clamp.Cli.Commands.Connection;

/// <summary>
/// The ingest API (docs/ingest.md) as the CLI uses it: upload a score or a multi-tune ABC file, read a score's status.
/// A 429 (the API's rate limit) or 503 is retried after the server's Retry-After (or a second), so a large upload
/// paces itself. An unreachable server and a refused key become <see cref="CliFailure"/>s with their exit codes; any
/// other refusal is an <see cref="IngestRefusal"/> with the server's reason.
/// </summary>
public sealed class IngestClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IngestClient Create(PlatformSettings settings)
    {
        var http = new HttpClient { BaseAddress = settings.IngestUrl, Timeout = TimeSpan.FromMinutes(2) };
        if (settings.ApiKey is { Length: > 0 } key)
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return new IngestClient(http);
    }

    /// <summary>Uploads one score with metadata fields; returns its id (an already stored copy's id for a duplicate).</summary>
    public async Task<Guid> UploadAsync(string fileName, byte[] content, IEnumerable<(string Name, string Value)> fields, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "/v1/scores") { Content = Form(fileName, content, fields) }, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<Upload>(Json, cancellationToken);
        return body?.Id ?? throw new InvalidDataException($"The ingest API answered the upload of {fileName} without an id.");
    }

    /// <summary>Uploads a multi-tune ABC file (or a zip): one item per tune, each stored (an id) or refused (an error).</summary>
    public async Task<IReadOnlyList<BatchItem>> UploadBatchAsync(string fileName, byte[] content, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "/v1/scores:batch") { Content = Form(fileName, content, []) }, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<Batch>(Json, cancellationToken);
        return body?.Items ?? throw new InvalidDataException($"The ingest API answered the upload of {fileName} without items.");
    }

    /// <summary>A score's status object as the API gives it (<c>{id, status, failure, …}</c>).</summary>
    public async Task<JsonElement> ScoreAsync(Guid id, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"/v1/scores/{id}"), cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
    }

    /// <summary>A score's status: received, patched, indexed or failed.</summary>
    public async Task<ScoreStatus> StatusAsync(Guid id, CancellationToken cancellationToken) =>
        ScoreStatus.From(await ScoreAsync(id, cancellationToken));

    private static MultipartFormDataContent Form(string fileName, byte[] content, IEnumerable<(string Name, string Value)> fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        return form;
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var message = request();
            var response = await ReachAsync(message, cancellationToken);
            if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
            {
                if (response.IsSuccessStatusCode) return response;
                using (response)
                    throw await RefusalAsync(message, response, cancellationToken);
            }

            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait, cancellationToken);
        }
    }

    private async Task<HttpResponseMessage> ReachAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException e) when (e.StatusCode is null)
        {
            throw new CliFailure(ExitCodes.Unreachable, $"cannot reach the ingest API at {http.BaseAddress}: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliFailure(ExitCodes.Unreachable, $"the ingest API at {http.BaseAddress} did not answer within {http.Timeout.TotalSeconds:0} s");
        }
    }

    private async Task<Exception> RefusalAsync(HttpRequestMessage message, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            return new CliFailure(ExitCodes.RefusedKey, $"the ingest API at {http.BaseAddress} refused the API key ({(int)response.StatusCode})");
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new IngestRefusal(response.StatusCode, $"{message.Method} {new Uri(http.BaseAddress!, message.RequestUri!)}", ProblemReason.Of(body));
    }

    /// <summary>One item of a batch upload: <c>source</c> is the file name, with <c>#n</c> for the n-th tune.</summary>
    public sealed record BatchItem(string Source, Guid? Id, BatchItemError? Error);

    public sealed record BatchItemError(string Code, string Message);

    private sealed record Upload(Guid Id);

    private sealed record Batch(IReadOnlyList<BatchItem> Items);
}
