namespace Clamp.Contracts.Messages;

/// <summary>Start re-embedding every stored score with one model version (a long job with progress).</summary>
public sealed record ReindexRequested
{
    public required Guid JobId { get; init; }
    public required string ModelId { get; init; }
    public required string ModelVersion { get; init; }
}

/// <summary>Progress of a re-indexing job.</summary>
public sealed record ReindexProgress
{
    public required Guid JobId { get; init; }
    public required string ModelVersion { get; init; }
    public required long Done { get; init; }
    public required long Total { get; init; }
    public bool Completed { get; init; }
}
