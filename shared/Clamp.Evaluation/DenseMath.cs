using System.Numerics;

namespace Clamp.Evaluation;

/// <summary>Dot product and <c>y += a·x</c> on double spans, SIMD-wide where the CPU allows (the linear probe's inner loops).</summary>
public static class DenseMath
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = Vector<double>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<double>.Count; i += Vector<double>.Count)
        {
            sum += new Vector<double>(a[i..]) * new Vector<double>(b[i..]);
        }

        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }

    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        var scale = new Vector<double>(a);
        var i = 0;
        for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
        {
            (new Vector<double>(y[i..]) + (scale * new Vector<double>(x[i..]))).CopyTo(y[i..]);
        }

        for (; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }
}
