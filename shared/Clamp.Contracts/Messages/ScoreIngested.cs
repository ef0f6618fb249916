namespace Clamp.Contracts.Messages;

/// <summary>
/// A score was stored by the ingest API (the row is committed before this is published).
/// The raw bytes travel with the message so the patching service needs no database.
/// </summary>
public sealed record ScoreIngested
{
    public required Guid ScoreId { get; init; }
    /// <summary>SHA-256 of the raw content, lower-case hex: the deduplication key.</summary>
    public required string ContentHash { get; init; }
    public required ScoreFormat Format { get; init; }
    public required string FileName { get; init; }
    public required byte[] Content { get; init; }
    public required ScoreMetadata Metadata { get; init; }
    /// <summary>The tenant the score belongs to (<see cref="Tenants"/>); null in messages published before tenancy.</summary>
    public string? Tenant { get; init; }
    public DateTimeOffset IngestedAt { get; init; }
    /// <summary>
    /// Set when a stored score is re-announced for re-indexing: only this model version should embed it.
    /// Carried on to <see cref="ScorePatched.TargetModelVersion"/>.
    /// </summary>
    public string? TargetModelVersion { get; init; }
}
