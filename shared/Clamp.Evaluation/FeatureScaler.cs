namespace Clamp.Evaluation;

/// <summary>
/// Standardisation fitted on training rows: each feature minus its training mean, over its training standard
/// deviation (a feature constant in training is only centred).
/// </summary>
public sealed class FeatureScaler
{
    private readonly double[] _mean;
    private readonly double[] _scale;

    private FeatureScaler(double[] mean, double[] scale)
    {
        _mean = mean;
        _scale = scale;
    }

    public int Dimension => _mean.Length;

    public static FeatureScaler Fit(IReadOnlyList<float[]> rows)
    {
        if (rows.Count == 0)
        {
            throw new ArgumentException("At least one row is needed.", nameof(rows));
        }

        var dimension = rows[0].Length;
        var mean = new double[dimension];
        foreach (var row in rows)
        {
            for (var j = 0; j < dimension; j++)
            {
                mean[j] += row[j];
            }
        }

        for (var j = 0; j < dimension; j++)
        {
            mean[j] /= rows.Count;
        }

        var variance = new double[dimension];
        foreach (var row in rows)
        {
            for (var j = 0; j < dimension; j++)
            {
                var d = row[j] - mean[j];
                variance[j] += d * d;
            }
        }

        var scale = variance.Select(v => Math.Sqrt(v / rows.Count) is var sd && sd > 1e-12 ? 1 / sd : 1).ToArray();
        return new FeatureScaler(mean, scale);
    }

    public double[] Transform(float[] row)
    {
        if (row.Length != Dimension)
        {
            throw new ArgumentException($"Expected {Dimension} features, got {row.Length}.", nameof(row));
        }

        var result = new double[row.Length];
        for (var j = 0; j < row.Length; j++)
        {
            result[j] = (row[j] - _mean[j]) * _scale[j];
        }

        return result;
    }
}
