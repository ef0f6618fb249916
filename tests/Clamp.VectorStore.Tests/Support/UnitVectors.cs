namespace Clamp.VectorStore.Tests.Support;

/// <summary>Reproducible random L2-normalised vectors (Gaussian directions are uniform on the sphere).</summary>
public sealed class UnitVectors(int dimension, int seed)
{
    private readonly Random random = new(seed);

    public float[] Next()
    {
        var vector = new float[dimension];
        double squares = 0;
        for (var i = 0; i < dimension; i++)
        {
            // Box-Muller.
            var g = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            vector[i] = (float)g;
            squares += g * g;
        }
        var norm = (float)Math.Sqrt(squares);
        for (var i = 0; i < dimension; i++) vector[i] /= norm;
        return vector;
    }

    /// <summary>A unit vector close to <paramref name="centre"/> (cosine about 1 - noise²/2).</summary>
    public float[] Near(float[] centre, float noise)
    {
        var offset = Next();
        var mixed = centre.Select((c, i) => c + noise * offset[i]).ToArray();
        var norm = (float)Math.Sqrt(mixed.Sum(v => (double)v * v));
        return mixed.Select(v => v / norm).ToArray();
    }
}
