using Clamp.Contracts.Messages;

namespace Clamp.Ingest.Storage;

/// <summary>A stored score as the API shows it (without its content).</summary>
public sealed record ScoreRecord(
    Guid Id,
    string Tenant,
    string ContentHash,
    ScoreFormat Format,
    string FileName,
    long SizeBytes,
    ScoreMetadata Metadata,
    ScoreStatus Status,
    ScoreFailure? Failure,
    int? PatchCount,
    IReadOnlyList<string> IndexedModelVersions,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>Why a score failed: the stage, a short code and a readable reason.</summary>
public sealed record ScoreFailure(PipelineStage Stage, string Code, string Reason);
