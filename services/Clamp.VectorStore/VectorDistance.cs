namespace Clamp.VectorStore;

/// <summary>The distance an HNSW index orders by. Embeddings are L2-normalised, so cosine and inner product
/// give the same ranking; inner product skips the norm computation.</summary>
public enum VectorDistance
{
    Cosine,
    InnerProduct,
}

internal static class VectorDistanceSql
{
    /// <summary>pgvector operator: smaller is nearer.</summary>
    public static string Operator(this VectorDistance distance) => distance switch
    {
        VectorDistance.Cosine => "<=>",
        VectorDistance.InnerProduct => "<#>",
        _ => throw new ArgumentOutOfRangeException(nameof(distance)),
    };

    public static string OperatorClass(this VectorDistance distance) => distance switch
    {
        VectorDistance.Cosine => "vector_cosine_ops",
        VectorDistance.InnerProduct => "vector_ip_ops",
        _ => throw new ArgumentOutOfRangeException(nameof(distance)),
    };

    /// <summary>SQL turning the operator's distance into a cosine similarity (for normalised vectors).</summary>
    public static string SimilarityOf(this VectorDistance distance, string distanceExpression) => distance switch
    {
        VectorDistance.Cosine => $"1 - ({distanceExpression})",
        VectorDistance.InnerProduct => $"-({distanceExpression})",
        _ => throw new ArgumentOutOfRangeException(nameof(distance)),
    };
}
