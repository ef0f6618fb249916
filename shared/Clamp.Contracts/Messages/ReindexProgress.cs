namespace Clamp.Contracts.Messages;

/// <summary>Progress of a re-indexing job (published by ingest as it announces each page; the vector store promotes
/// the version once the job is complete).</summary>
public sealed record ReindexProgress
{
    public required Guid JobId { get; init; }
    public required string ModelVersion { get; init; }
    public required long Done { get; init; }
    public required long Total { get; init; }
    public bool Completed { get; init; }
}
