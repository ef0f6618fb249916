using Clamp.Contracts.Messages;
using Clamp.VectorStore.Storage;

namespace Clamp.VectorStore.Consumers;

/// <summary>Why a "score embedded" message cannot be stored: a code for machines and a reason for people.</summary>
public sealed record EmbeddingRejection(string Code, string Reason);

/// <summary>Checks an embedding against its model version before it is stored.</summary>
public static class EmbeddingValidator
{
    private const float NormTolerance = 1e-2f;

    public static EmbeddingRejection? Check(ScoreEmbedded message, ModelVersionRecord version)
    {
        if (message.ModelId != version.ModelId)
            return new("model.mismatch",
                $"Model version '{version.ModelVersion}' belongs to model '{version.ModelId}', not '{message.ModelId}'.");
        var embedding = message.Embedding;
        if (embedding is null || embedding.Length != version.Dimension)
            return new("embedding.dimension",
                $"The embedding has {embedding?.Length ?? 0} dimensions; model version '{version.ModelVersion}' has {version.Dimension}.");
        double squares = 0;
        foreach (var value in embedding)
        {
            if (!float.IsFinite(value))
                return new("embedding.not-finite", "The embedding holds a value that is not a finite number.");
            squares += (double)value * value;
        }
        var norm = Math.Sqrt(squares);
        if (Math.Abs(norm - 1) > NormTolerance)
            return new("embedding.not-normalised", $"The embedding's L2 norm is {norm:0.####}; it must be 1.");
        return null;
    }
}
