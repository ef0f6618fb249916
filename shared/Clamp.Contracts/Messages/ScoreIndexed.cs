namespace Clamp.Contracts.Messages;

/// <summary>A score's embedding is stored in the vector store and searchable for that model version.</summary>
public sealed record ScoreIndexed
{
    public required Guid ScoreId { get; init; }
    public required string ModelId { get; init; }
    public required string ModelVersion { get; init; }
}
