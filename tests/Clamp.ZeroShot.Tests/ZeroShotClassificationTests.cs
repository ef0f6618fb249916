namespace Clamp.ZeroShot.Tests;

public sealed class ZeroShotClassificationTests
{
    private static float[] Unit(params float[] v)
    {
        var norm = (float)Math.Sqrt(v.Sum(x => (double)x * x));
        return v.Select(x => x / norm).ToArray();
    }

    [Fact]
    public void Probabilities_are_the_softmax_of_scaled_cosine_similarities()
    {
        var score = Unit(1, 0, 0);
        var prompts = new[] { Unit(1, 0, 0), Unit(0.8f, 0.6f, 0), Unit(0, 1, 0) };

        var result = ZeroShotClassification.Classify(score, ["a", "b", "c"], prompts, logitScale: 10);

        // Similarities 1, 0.8, 0: softmax of 10, 8, 0.
        var z = Math.Exp(10) + Math.Exp(8) + Math.Exp(0);
        Assert.Equal(["a", "b", "c"], result.Select(r => r.Label));
        Assert.Equal(Math.Exp(10) / z, result[0].Probability, 5);
        Assert.Equal(Math.Exp(8) / z, result[1].Probability, 5);
        Assert.Equal(Math.Exp(0) / z, result[2].Probability, 5);
        Assert.Equal(0.8, result[1].Similarity, 5);
    }

    [Fact]
    public void A_large_logit_scale_does_not_overflow()
    {
        var result = ZeroShotClassification.Classify(Unit(1, 0), ["x", "y"], [Unit(1, 0), Unit(-1, 0)], logitScale: 1000);
        Assert.Equal(1.0, result[0].Probability, 6);
        Assert.Equal(0.0, result[1].Probability, 6);
        Assert.All(result, r => Assert.True(double.IsFinite(r.Probability)));
    }

    [Fact]
    public void Results_are_sorted_by_probability()
    {
        var result = ZeroShotClassification.Classify(Unit(0, 1), ["low", "high"], [Unit(1, 0), Unit(0, 1)], logitScale: 100);
        Assert.Equal(["high", "low"], result.Select(r => r.Label));
    }

    [Fact]
    public void Vectors_of_different_dimensions_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ZeroShotClassification.Classify(Unit(1, 0), ["a"], [Unit(1, 0, 0)], 100));
    }
}
