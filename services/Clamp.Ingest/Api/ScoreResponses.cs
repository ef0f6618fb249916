using Clamp.Contracts.Messages;
using Clamp.Ingest.Reindex;
using Clamp.Ingest.Storage;
using Clamp.Ingest.Uploads;

namespace Clamp.Ingest.Api;

/// <summary>The answer to an upload: the score's id and whether the same content was already stored.</summary>
public sealed record UploadResponse(Guid Id, string Status, bool Duplicate)
{
    internal static UploadResponse From(StoredScore stored) => new(stored.Id, stored.Status.Name(), stored.Duplicate);
}

/// <summary>One item of a batch: a stored score (id, duplicate flag) or an error, named by its source.</summary>
public sealed record BatchItemResponse(string Source, Guid? Id, string? Status, bool? Duplicate, BatchItemError? Error);

/// <summary>The answer to a batch upload: every item, and how many were stored, already stored or refused.</summary>
public sealed record BatchResponse(int Stored, int Duplicates, int Errors, IReadOnlyList<BatchItemResponse> Items);

/// <summary>
/// A score's status; <c>failure</c> tells the stage, code and reason when the status is "failed". <c>tenant</c> is the
/// tenant it belongs to: the caller's, or a shared one.
/// </summary>
public sealed record ScoreResponse(
    Guid Id,
    string Tenant,
    string ContentHash,
    ScoreFormat Format,
    string FileName,
    long SizeBytes,
    string Status,
    ScoreFailure? Failure,
    int? PatchCount,
    IReadOnlyList<string> IndexedModelVersions,
    ScoreMetadata Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    internal static ScoreResponse From(ScoreRecord score) => new(
        score.Id, score.Tenant, score.ContentHash, score.Format, score.FileName, score.SizeBytes, score.Status.Name(),
        score.Status == ScoreStatus.Failed ? score.Failure : null,
        score.PatchCount, score.IndexedModelVersions, score.Metadata, score.CreatedAt, score.UpdatedAt);
}

/// <summary>A page of scores; <c>next</c> is the <c>after</c> value of the following page (null on the last).</summary>
public sealed record ScoreListResponse(IReadOnlyList<ScoreResponse> Items, Guid? Next);

/// <summary>Start a re-indexing job for one model version.</summary>
public sealed record ReindexRequest(string ModelId, string ModelVersion);

/// <summary>A re-indexing job and its progress.</summary>
public sealed record ReindexJobResponse(Guid Id, string ModelId, string ModelVersion, string Status, long Total, long Done,
    DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt)
{
    internal static ReindexJobResponse From(ReindexJob job) => new(
        job.Id, job.ModelId, job.ModelVersion, job.Status, job.Total, job.Done, job.CreatedAt, job.CompletedAt);
}
