using System.Security.Claims;
using Clamp.Ingest.Storage;
using Clamp.Ingest.Uploads;
using Clamp.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;

namespace Clamp.Ingest.Api;

/// <summary>
/// Upload, batch upload, status, content and deletion of scores, each of the caller's tenant (<see cref="TenantAccess"/>):
/// uploads are stored for it, reads see its scores and the shared tenants', deletes its own only. Another tenant's
/// score answers 404 as an unknown id does; a shared one the caller may read but not delete, 403.
/// </summary>
internal static class ScoreEndpoints
{
    public static RouteGroupBuilder MapScoreEndpoints(this RouteGroupBuilder group)
    {
        var api = group.MapGroup("").WithTags("Scores");
        api.MapPost("/scores", UploadAsync)
            .WithName("UploadScore")
            .WithSummary("Upload one score (ABC, MusicXML, .mxl or MIDI) with optional metadata")
            .AcceptsUploadForm("The score: ABC, MusicXML (.xml, .musicxml), compressed MusicXML (.mxl) or MIDI")
            .Produces<UploadResponse>(StatusCodes.Status201Created)
            .Produces<UploadResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapPost("/scores:batch", UploadBatchAsync)
            .WithName("UploadScoreBatch")
            .WithSummary("Upload a zip of scores or a multi-tune ABC file: one score per file or tune")
            .AcceptsUploadForm("A zip of scores, or an ABC file of several tunes; the metadata applies to every item")
            .Produces<BatchResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        api.MapGet("/scores", ListAsync)
            .WithName("ListScores")
            .WithSummary("Scores in upload order, optionally of one status (e.g. status=failed), a page at a time")
            .Produces<ScoreListResponse>()
            .ProducesValidationProblem();

        api.MapGet("/scores/{id:guid}", GetAsync)
            .WithName("GetScore")
            .WithSummary("A score's status: received, patched, indexed or failed (with the reason)")
            .Produces<ScoreResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/scores/{id:guid}/content", GetContentAsync)
            .WithName("GetScoreContent")
            .WithSummary("The score's file as stored: the upload itself, or its own tune of a multi-tune ABC batch")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/octet-stream", ScoreFormats.MediaTypes)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapDelete("/scores/{id:guid}", DeleteAsync)
            .WithName("DeleteScore")
            .WithSummary("Delete a score; the search index drops it")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<IResult> UploadAsync(
        HttpRequest request, ClaimsPrincipal user, ScoreRepository scores, IOptions<IngestOptions> options, CancellationToken ct)
    {
        var upload = await UploadedFile.ReadAsync(request, options.Value.MaxUploadBytes, options.Value, ct);
        var format = ScoreFormats.Detect(upload.FileName, upload.Content) ?? throw ScoreFormats.Unsupported(upload.FileName);
        var stored = (await scores.AddAsync([new NewScore(upload.FileName, format, upload.Content, upload.Metadata)], TenantAccess.Owner(user), ct))[0];
        var response = UploadResponse.From(stored);
        return stored.Duplicate ? TypedResults.Ok(response) : TypedResults.Created($"/v1/scores/{stored.Id}", response);
    }

    private static async Task<IResult> UploadBatchAsync(HttpRequest request, ClaimsPrincipal user,
        ScoreRepository scores, BatchExpander expander, IOptions<IngestOptions> options, CancellationToken ct)
    {
        var upload = await UploadedFile.ReadAsync(request, options.Value.MaxBatchUploadBytes, options.Value, ct);
        var items = ScoreSizeLimit.Apply(expander.Expand(upload), options.Value.MaxUploadBytes);
        var toStore = items.Where(item => item.Score is not null).ToList();
        var stored = new Queue<StoredScore>(await scores.AddAsync(toStore.Select(item => item.Score!).ToList(), TenantAccess.Owner(user), ct));
        var responses = new List<BatchItemResponse>(items.Count);
        foreach (var item in items)
        {
            if (item.Score is null)
            {
                responses.Add(new BatchItemResponse(item.Source, null, null, null, item.Error));
                continue;
            }
            var score = stored.Dequeue();
            responses.Add(new BatchItemResponse(item.Source, score.Id, score.Status.Name(), score.Duplicate, null));
        }
        return TypedResults.Ok(new BatchResponse(
            Stored: responses.Count(r => r.Duplicate == false),
            Duplicates: responses.Count(r => r.Duplicate == true),
            Errors: items.Count - toStore.Count,
            Items: responses));
    }

    private const int MaxPageSize = 1_000;

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, TenantAccess access, ScoreRepository scores, CancellationToken ct,
        string? status = null, Guid? after = null, int limit = 100)
    {
        ScoreStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<ScoreStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["status"] = [$"'{status}' is not a status: received, patched, indexed or failed."],
                });
            wanted = parsed;
        }
        if (limit is < 1 or > MaxPageSize)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["limit"] = [$"limit must be between 1 and {MaxPageSize}."],
            });

        var page = await scores.ListAsync(access.Readable(user), wanted, after, limit, ct);
        return TypedResults.Ok(new ScoreListResponse(
            page.Select(ScoreResponse.From).ToList(),
            page.Count == limit ? page[^1].Id : null));
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, TenantAccess access, ScoreRepository scores, CancellationToken ct) =>
        await scores.GetAsync(id, access.Readable(user), ct) is { } score
            ? TypedResults.Ok(ScoreResponse.From(score))
            : NotFound(id);

    private static async Task<IResult> GetContentAsync(Guid id, ClaimsPrincipal user, TenantAccess access, ScoreRepository scores, CancellationToken ct) =>
        await scores.GetContentAsync(id, access.Readable(user), ct) is { } score
            ? TypedResults.File(score.Content, ScoreFormats.MediaType(score.Format), score.FileName)
            : NotFound(id);

    private static async Task<IResult> DeleteAsync(Guid id, ClaimsPrincipal user, TenantAccess access, ScoreRepository scores, CancellationToken ct)
    {
        if (await scores.DeleteAsync(id, TenantAccess.Owner(user), ct))
            return TypedResults.NoContent();
        return await scores.GetAsync(id, access.Readable(user), ct) is null
            ? NotFound(id)
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your score",
                detail: $"Score {id} belongs to a shared tenant: only that tenant's keys delete it.");
    }

    private static IResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such score", detail: $"There is no score {id}.");
}
