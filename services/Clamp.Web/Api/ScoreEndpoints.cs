using Clamp.Web.Notation;
using Clamp.Web.Upstream;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Clamp.Web.Api;

/// <summary>Uploads, a score's status and its notation, through the ingest API.</summary>
internal static class ScoreEndpoints
{
    public static RouteGroupBuilder MapScoreEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/scores", UploadAsync).WithName("UploadScores").DisableAntiforgery();
        api.MapGet("/scores/{id:guid}", GetAsync).WithName("GetScore");
        api.MapGet("/scores/{id:guid}/notation", GetNotationAsync).WithName("GetNotation");
        return api;
    }

    /// <summary>
    /// One file of the page's drop zone (multipart/form-data, field "file", optional metadata fields), sent on to
    /// the ingest service's batch upload, so that a multi-tune ABC file or a zip becomes one score per tune or entry.
    /// The ingest service's answer (items with their ids, or the reason for a refusal) comes back as it is.
    /// </summary>
    private static async Task<IResult> UploadAsync(HttpRequest request, IngestClient ingest, IOptions<WebOptions> options, CancellationToken ct)
    {
        var limit = options.Value.MaxUploadBytes;
        if (!request.HasFormContentType)
            return Problem(StatusCodes.Status415UnsupportedMediaType, "upload.not-multipart",
                "Send the score as multipart/form-data with the file in the \"file\" field.");
        if (request.ContentLength > limit)
            return TooLarge(limit);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }
        return await ForwardedResponse.FromAsync(await ingest.UploadAsync(body, request.ContentType!, ct), ct);
    }

    private static async Task<IResult> GetAsync(Guid id, IngestClient ingest, CancellationToken ct) =>
        await ForwardedResponse.FromAsync(await ingest.GetScoreAsync(id, ct), ct);

    /// <summary>The score as ABC for the page's renderer, or why there is none (HTTP 422, code notation.unavailable).</summary>
    private static async Task<IResult> GetNotationAsync(Guid id, IngestClient ingest, NotationReader reader, CancellationToken ct)
    {
        using var response = await ingest.GetContentAsync(id, ct);
        if (!response.IsSuccessStatusCode)
            return await ForwardedResponse.FromAsync(response, ct);

        var fileName = response.Content.Headers.ContentDisposition?.FileNameStar
            ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"')
            ?? $"{id}";
        var content = await response.Content.ReadAsByteArrayAsync(ct);
        return reader.Read(fileName, content) switch
        {
            { Notation: { } notation } => TypedResults.Ok(notation),
            var failed => Problem(StatusCodes.Status422UnprocessableEntity, "notation.unavailable",
                $"Notation is not available for this score: {failed.Reason}", ("readerCode", failed.ReaderCode)),
        };
    }

    private static IResult TooLarge(long limit) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "upload.too-large", $"The file is over the limit of {limit:N0} bytes.");

    private static IResult Problem(int status, string code, string detail, params (string Key, object? Value)[] more)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        foreach (var (key, value) in more)
            extensions[key] = value;
        return TypedResults.Problem(statusCode: status, detail: detail, extensions: extensions);
    }
}
