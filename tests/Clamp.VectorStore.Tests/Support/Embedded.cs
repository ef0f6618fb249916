using Clamp.Contracts.Messages;

namespace Clamp.VectorStore.Tests.Support;

/// <summary>"Score embedded" messages as the embedding service publishes them.</summary>
public static class Embedded
{
    public const string ModelId = "clamp-test";

    public static ScoreEmbedded Score(Guid scoreId, float[] embedding, string modelVersion = "1.0.0", ScoreMetadata? metadata = null) => new()
    {
        ScoreId = scoreId,
        ContentHash = Convert.ToHexStringLower(scoreId.ToByteArray()),
        ModelId = ModelId,
        ModelVersion = modelVersion,
        Embedding = embedding,
        Metadata = metadata ?? new ScoreMetadata { Title = $"Tune {scoreId:N}"[..13], Collection = "test" },
        PatchCount = 3,
    };
}
