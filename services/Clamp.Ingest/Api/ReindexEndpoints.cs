using Clamp.Ingest.Reindex;
using Clamp.ServiceDefaults.Auth;

namespace Clamp.Ingest.Api;

/// <summary>
/// Start and follow re-indexing jobs (a published model version starts one by itself): admin keys only, since a job
/// re-embeds every tenant's scores.
/// </summary>
internal static class ReindexEndpoints
{
    public static RouteGroupBuilder MapReindexEndpoints(this RouteGroupBuilder group)
    {
        var api = group.MapGroup("").WithTags("Re-indexing").RequireAuthorization(AuthPolicies.Admin);
        api.MapPost("/reindex", StartAsync)
            .WithName("StartReindex")
            .WithSummary("Re-embed every stored score with one model version, in the background")
            .Produces<ReindexJobResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/reindex/{jobId:guid}", GetAsync)
            .WithName("GetReindexJob")
            .WithSummary("A re-indexing job's progress")
            .Produces<ReindexJobResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<IResult> StartAsync(ReindexRequest request, ReindexJobRepository jobs, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.ModelId) || string.IsNullOrWhiteSpace(request.ModelVersion))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["modelId/modelVersion"] = ["Both the model id and the model version are required."],
            });
        var job = await jobs.StartAsync(ReindexJob.IdFor(request.ModelId, request.ModelVersion), request.ModelId, request.ModelVersion, ct);
        return TypedResults.Accepted($"/v1/reindex/{job.Id}", ReindexJobResponse.From(job));
    }

    private static async Task<IResult> GetAsync(Guid jobId, ReindexJobRepository jobs, CancellationToken ct) =>
        await jobs.GetAsync(jobId, ct) is { } job
            ? TypedResults.Ok(ReindexJobResponse.From(job))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such job", detail: $"There is no re-indexing job {jobId}.");
}
