namespace Clamp.Evaluation;

/// <summary>
/// Limited-memory BFGS on a smooth function, with a backtracking (Armijo) line search and a fixed iteration cap:
/// pure arithmetic in a fixed order, so the same input always gives the same minimiser.
/// </summary>
public static class Lbfgs
{
    /// <summary>The function's value at <c>x</c>; writes its gradient into the second array.</summary>
    public delegate double Objective(double[] x, double[] gradient);

    private const int History = 10;
    private const double Armijo = 1e-4;

    /// <summary>Minimises <paramref name="objective"/> from <paramref name="start"/> (changed in place and returned).</summary>
    public static double[] Minimise(Objective objective, double[] start, int maxIterations = 200, double gradientTolerance = 1e-6)
    {
        var x = start;
        var gradient = new double[x.Length];
        var value = objective(x, gradient);
        var steps = new Queue<(double[] S, double[] Y, double Rho)>();
        var candidate = new double[x.Length];
        var candidateGradient = new double[x.Length];
        for (var iteration = 0; iteration < maxIterations && MaxAbs(gradient) > gradientTolerance; iteration++)
        {
            var direction = Direction(gradient, steps);
            var slope = Dot(direction, gradient);
            if (slope >= 0)
            {
                // Not a descent direction (curvature history went stale): restart from steepest descent.
                steps.Clear();
                direction = Direction(gradient, steps);
                slope = Dot(direction, gradient);
            }

            var step = steps.Count == 0 ? Math.Min(1.0, 1.0 / Math.Sqrt(Dot(gradient, gradient))) : 1.0;
            double candidateValue;
            while (true)
            {
                for (var i = 0; i < x.Length; i++)
                {
                    candidate[i] = x[i] + (step * direction[i]);
                }

                candidateValue = objective(candidate, candidateGradient);
                if (candidateValue <= value + (Armijo * step * slope) || step < 1e-12)
                {
                    break;
                }

                step /= 2;
            }

            if (candidateValue > value)
            {
                break;
            }

            var s = new double[x.Length];
            var y = new double[x.Length];
            for (var i = 0; i < x.Length; i++)
            {
                s[i] = candidate[i] - x[i];
                y[i] = candidateGradient[i] - gradient[i];
            }

            var sy = Dot(s, y);
            if (sy > 1e-12)
            {
                if (steps.Count == History)
                {
                    steps.Dequeue();
                }

                steps.Enqueue((s, y, 1.0 / sy));
            }

            Array.Copy(candidate, x, x.Length);
            Array.Copy(candidateGradient, gradient, x.Length);
            value = candidateValue;
        }

        return x;
    }

    /// <summary>The two-loop recursion: minus the inverse-Hessian estimate times the gradient.</summary>
    private static double[] Direction(double[] gradient, Queue<(double[] S, double[] Y, double Rho)> steps)
    {
        var q = (double[])gradient.Clone();
        var history = steps.ToArray();
        var alphas = new double[history.Length];
        for (var k = history.Length - 1; k >= 0; k--)
        {
            alphas[k] = history[k].Rho * Dot(history[k].S, q);
            Axpy(-alphas[k], history[k].Y, q);
        }

        if (history.Length > 0)
        {
            var last = history[^1];
            var scale = 1.0 / (last.Rho * Dot(last.Y, last.Y));
            for (var i = 0; i < q.Length; i++)
            {
                q[i] *= scale;
            }
        }

        for (var k = 0; k < history.Length; k++)
        {
            var beta = history[k].Rho * Dot(history[k].Y, q);
            Axpy(alphas[k] - beta, history[k].S, q);
        }

        for (var i = 0; i < q.Length; i++)
        {
            q[i] = -q[i];
        }

        return q;
    }

    private static double Dot(double[] a, double[] b) => DenseMath.Dot(a, b);

    private static void Axpy(double a, double[] x, double[] y) => DenseMath.Axpy(a, x, y);

    private static double MaxAbs(double[] values) => values.Length == 0 ? 0 : values.Max(Math.Abs);
}
