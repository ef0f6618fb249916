namespace Clamp.Contracts.Messages;

/// <summary>A score was deleted through the ingest API; downstream stores drop it.</summary>
public sealed record ScoreDeleted
{
    public required Guid ScoreId { get; init; }
}
