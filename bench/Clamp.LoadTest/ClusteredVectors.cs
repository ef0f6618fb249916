namespace Clamp.LoadTest;

/// <summary>
/// Synthetic embeddings shaped like real ones: unit vectors scattered around a number of random cluster centres
/// (tunes of one type, key or collection sit together). The centres come from one seed and the scatter from
/// another, so stored vectors and query vectors can share centres without repeating each other.
/// </summary>
internal sealed class ClusteredVectors
{
    private readonly int dimension;
    private readonly float spread;
    private Random random;
    private readonly float[][] centres;

    public ClusteredVectors(int dimension, int clusters, float spread, int scatterSeed, int centreSeed = 1)
    {
        this.dimension = dimension;
        this.spread = spread;
        random = new Random(centreSeed);
        centres = Enumerable.Range(0, clusters).Select(_ => Normalise(Gaussian())).ToArray();
        random = new Random(scatterSeed);
    }

    public float[] Next()
    {
        var centre = centres[random.Next(centres.Length)];
        var noise = Gaussian();
        var scale = spread / (float)Math.Sqrt(dimension);
        return Normalise(centre.Select((c, i) => c + scale * noise[i]).ToArray());
    }

    private float[] Gaussian()
    {
        var v = new float[dimension];
        for (var i = 0; i < dimension; i++)
            v[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        return v;
    }

    private static float[] Normalise(float[] v)
    {
        var norm = (float)Math.Sqrt(v.Sum(x => (double)x * x));
        return v.Select(x => x / norm).ToArray();
    }
}
