namespace Clamp.Contracts.Messages;

/// <summary>A score's patches were embedded by one model version.</summary>
public sealed record ScoreEmbedded
{
    public required Guid ScoreId { get; init; }
    public required string ContentHash { get; init; }
    public required string ModelId { get; init; }
    public required string ModelVersion { get; init; }
    /// <summary>L2-normalised embedding.</summary>
    public required float[] Embedding { get; init; }
    public required ScoreMetadata Metadata { get; init; }
    /// <summary>The tenant the score belongs to (<see cref="Tenants"/>); null in messages published before tenancy.</summary>
    public string? Tenant { get; init; }
    public int PatchCount { get; init; }
}
