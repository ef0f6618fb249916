namespace Clamp.Inference.Tests.Fixtures;

/// <summary>Compares floats within an absolute tolerance.</summary>
public sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
{
    public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(float obj) => 0;
}
