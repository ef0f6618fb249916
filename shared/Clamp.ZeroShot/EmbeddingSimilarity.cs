namespace Clamp.ZeroShot;

/// <summary>How close two embeddings are: the encoders L2-normalise them, so their dot product is their cosine similarity.</summary>
public static class EmbeddingSimilarity
{
    public static double Cosine(float[] a, float[] b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException($"Vectors of {a.Length} and {b.Length} dimensions cannot be compared.");
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += (double)a[i] * b[i];
        return sum;
    }
}
