namespace Clamp.Contracts.Messages;

/// <summary>
/// A model version is available to the embedding service (its directory holds manifest.json and the ONNX files).
/// Triggers re-indexing of the stored scores for that version.
/// </summary>
public sealed record ModelPublished
{
    public required string ModelId { get; init; }
    public required string ModelVersion { get; init; }
    public required int EmbeddingDim { get; init; }
    public required string PatchScheme { get; init; }
    /// <summary>Directory of the model as seen by the embedding service.</summary>
    public string? Location { get; init; }
}
