namespace Clamp.VectorStore.Storage;

/// <summary>One row of <c>model_versions</c>, with the re-index target (the number of stored scores) when one is known.</summary>
public sealed record ModelVersionRecord(
    string ModelId,
    string ModelVersion,
    int Dimension,
    string TableName,
    string State,
    long Indexed,
    long Failed,
    long? Total,
    bool IndexBuilt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt)
{
    public bool IsServing => State == ModelVersionStates.Serving;

    /// <summary>Every stored score is either indexed or failed with a reason.</summary>
    public bool IsComplete => Total is { } total && Indexed + Failed >= total;
}
