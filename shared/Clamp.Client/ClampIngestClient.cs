using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Clamp.Client;

/// <summary>
/// The ingest API (docs/ingest.md): upload a score or a multi-tune ABC file, read a score's status. The typed
/// <see cref="HttpClient"/> that <see cref="ClampClientServiceCollectionExtensions.AddClampClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{ClampClientOptions})"/>
/// registers has the base address, the key (<c>X-Api-Key</c>) and the time limit. A 429 (the API's rate limit) or 503 is
/// retried up to <see cref="ClampClientOptions.RetryCount"/> times after the server's Retry-After (or a second), so a
/// large upload paces itself. Every failure is a <see cref="ClampException"/>.
/// </summary>
public sealed class ClampIngestClient(HttpClient http, IOptions<ClampClientOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Uploads one score with metadata fields (<c>title</c>, <c>composer</c>, …); returns its id (an already stored copy's id for a duplicate).</summary>
    public async Task<Guid> UploadAsync(string fileName, byte[] content, IEnumerable<KeyValuePair<string, string>>? metadata = null, CancellationToken cancellationToken = default)
    {
        var fields = metadata?.ToList() ?? [];
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "/v1/scores") { Content = ScoreUploadForm.Create(fileName, content, fields) }, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<Upload>(Json, cancellationToken);
        return body?.Id ?? throw new InvalidDataException($"The ingest API answered the upload of {fileName} without an id.");
    }

    /// <summary>Uploads a score read from a stream (read to its end first, so that a retry can send it again).</summary>
    public async Task<Guid> UploadAsync(string fileName, Stream content, IEnumerable<KeyValuePair<string, string>>? metadata = null, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return await UploadAsync(fileName, buffer.ToArray(), metadata, cancellationToken);
    }

    /// <summary>Uploads a multi-tune ABC file (or a zip): one item per tune, each stored (an id) or refused (an error).</summary>
    public async Task<IReadOnlyList<BatchItem>> UploadBatchAsync(string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "/v1/scores:batch") { Content = ScoreUploadForm.Create(fileName, content, []) }, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<Batch>(Json, cancellationToken);
        return body?.Items ?? throw new InvalidDataException($"The ingest API answered the upload of {fileName} without items.");
    }

    /// <summary>A score's status document as the API gives it (<c>{id, status, failure, …}</c>).</summary>
    public async Task<JsonElement> GetScoreAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"/v1/scores/{id}"), cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
    }

    /// <summary>A score's status: received, patched, indexed or failed (and why).</summary>
    public async Task<ScoreStatus> GetStatusAsync(Guid id, CancellationToken cancellationToken = default) =>
        ScoreStatus.From(await GetScoreAsync(id, cancellationToken));

    /// <summary>Polls a score's status (every <paramref name="interval"/>, default a second) until it is indexed or failed, or <paramref name="timeout"/> is up.</summary>
    public async Task<ScoreStatus> WaitUntilFinalAsync(Guid id, TimeSpan timeout, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var status = await GetStatusAsync(id, cancellationToken);
            if (status.IsFinal || DateTime.UtcNow >= until) return status;
            await Task.Delay(interval ?? TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var message = request();
            var response = await ReachAsync(message, cancellationToken);
            var transient = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;
            if (response.IsSuccessStatusCode) return response;
            if (!transient || attempt >= options.Value.RetryCount)
            {
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
            throw new ClampException(ClampFailure.Unreachable, $"cannot reach the ingest API at {http.BaseAddress}: {e.Message}", e.Message, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ClampException(ClampFailure.DeadlineExceeded, $"the ingest API at {http.BaseAddress} did not answer within {http.Timeout.TotalSeconds:0} s", "timeout", e);
        }
    }

    private async Task<ClampException> RefusalAsync(HttpRequestMessage message, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            return new ClampException(ClampFailure.Unauthenticated, $"the ingest API at {http.BaseAddress} refused the API key ({(int)status})", "unauthenticated") { HttpStatus = status };
        var reason = ProblemReason.Of(await response.Content.ReadAsStringAsync(cancellationToken));
        var failure = status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable ? ClampFailure.Unreachable : ClampFailure.Refused;
        return new ClampException(failure, $"{message.Method} {new Uri(http.BaseAddress!, message.RequestUri!)}: {(int)status} {reason}", reason) { HttpStatus = status };
    }

    /// <summary>One item of a batch upload: <c>source</c> is the file name, with <c>#n</c> for the n-th tune.</summary>
    public sealed record BatchItem(string Source, Guid? Id, BatchItemError? Error);

    public sealed record BatchItemError(string Code, string Message);

    private sealed record Upload(Guid Id);

    private sealed record Batch(IReadOnlyList<BatchItem> Items);
}
