namespace Clamp.Contracts.Messages;

/// <summary>The pipeline stage at which a score failed.</summary>
public enum PipelineStage
{
    Ingest = 0,
    Patching = 1,
    Embedding = 2,
    Indexing = 3,
}

/// <summary>A score could not go further; the reason is shown to the user through the ingest API.</summary>
public sealed record ScoreFailed
{
    public required Guid ScoreId { get; init; }
    public required PipelineStage Stage { get; init; }
    /// <summary>Short machine-readable code, e.g. "abc.syntax", "musicxml.hostile", "model.mismatch".</summary>
    public required string Code { get; init; }
    /// <summary>Human-readable reason: which tune, which line, why.</summary>
    public required string Reason { get; init; }
    public string? ModelVersion { get; init; }
}
