namespace Clamp.Evaluation;

/// <summary>
/// A linear probe: multinomial logistic (softmax) regression on standardised features, L2-regularised as
/// scikit-learn's <c>LogisticRegression(C=1)</c> (sum of cross-entropies + ‖W‖²/(2C), bias not penalised), trained
/// full-batch by <see cref="Lbfgs"/> from zero weights for at most a fixed number of iterations. Deterministic.
/// </summary>
public sealed class LinearProbe
{
    private readonly FeatureScaler _scaler;
    private readonly double[] _weights;
    private readonly int _classes;

    private LinearProbe(FeatureScaler scaler, double[] weights, int classes)
    {
        _scaler = scaler;
        _weights = weights;
        _classes = classes;
    }

    /// <summary>Trains on <paramref name="rows"/> with class indices <paramref name="labels"/> in [0, <paramref name="classes"/>).</summary>
    public static LinearProbe Fit(IReadOnlyList<float[]> rows, IReadOnlyList<int> labels, int classes, double c = 1.0, int maxIterations = 200)
    {
        if (rows.Count != labels.Count || rows.Count == 0)
        {
            throw new ArgumentException("One label per row, and at least one row, are needed.", nameof(labels));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(c);
        var scaler = FeatureScaler.Fit(rows);
        var x = rows.Select(scaler.Transform).ToArray();
        var weights = new double[classes * (scaler.Dimension + 1)];
        var objective = new SoftmaxObjective(x, labels, classes, 1.0 / (c * rows.Count));
        return new LinearProbe(scaler, Lbfgs.Minimise(objective.Evaluate, weights, maxIterations), classes);
    }

    /// <summary>The most probable class of a row.</summary>
    public int Predict(float[] row)
    {
        var logits = SoftmaxObjective.Logits(_weights, _scaler.Transform(row), _classes);
        return Array.IndexOf(logits, logits.Max());
    }

    /// <summary>Mean cross-entropy + λ/2·‖W‖² over weights laid out as one row of (features, bias) per class.</summary>
    private sealed class SoftmaxObjective(double[][] x, IReadOnlyList<int> labels, int classes, double lambda)
    {
        public static double[] Logits(double[] weights, double[] row, int classes)
        {
            var width = row.Length + 1;
            var logits = new double[classes];
            for (var k = 0; k < classes; k++)
            {
                logits[k] = DenseMath.Dot(weights.AsSpan(k * width, row.Length), row) + weights[(k * width) + row.Length];
            }

            return logits;
        }

        public double Evaluate(double[] weights, double[] gradient)
        {
            Array.Clear(gradient);
            var n = x.Length;
            var dimension = x[0].Length;
            var width = dimension + 1;
            var loss = 0.0;
            for (var i = 0; i < n; i++)
            {
                var logits = Logits(weights, x[i], classes);
                var max = logits.Max();
                var logSum = max + Math.Log(logits.Sum(l => Math.Exp(l - max)));
                loss += logSum - logits[labels[i]];
                for (var k = 0; k < classes; k++)
                {
                    var residual = (Math.Exp(logits[k] - logSum) - (k == labels[i] ? 1 : 0)) / n;
                    DenseMath.Axpy(residual, x[i], gradient.AsSpan(k * width, dimension));
                    gradient[(k * width) + dimension] += residual;
                }
            }

            loss /= n;
            for (var k = 0; k < classes; k++)
            {
                for (var j = k * width; j < (k * width) + dimension; j++)
                {
                    loss += 0.5 * lambda * weights[j] * weights[j];
                    gradient[j] += lambda * weights[j];
                }
            }

            return loss;
        }
    }
}
