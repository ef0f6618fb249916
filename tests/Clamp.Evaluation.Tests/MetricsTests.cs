using Clamp.Evaluation;

namespace Clamp.Evaluation.Tests;

public sealed class MetricsTests
{
    private static readonly float[] X = [1, 0];
    private static readonly float[] Y = [0, 1];
    private static readonly float[] Diagonal = [0.8f, 0.6f];

    [Fact]
    public void Search_ranks_each_query_against_the_whole_pool()
    {
        // Query 0 (X) finds its score first (a tie is not above it); query 1 (Y) ranks Diagonal (0.6) above its own score X (0.0): rank 2.
        var metrics = SearchMetrics.Compute([X, Y, Diagonal], [X, X, Diagonal]);

        Assert.Equal(3, metrics.N);
        Assert.Equal((1 + 0.5 + 1) / 3, metrics.Mrr, 9);
        Assert.Equal(2.0 / 3, metrics.Hr1, 9);
        Assert.Equal(1.0, metrics.Hr10, 9);
    }

    [Fact]
    public void An_unreadable_score_is_a_miss_and_not_in_the_pool()
    {
        var metrics = SearchMetrics.Compute([X, Y], [X, null]);

        Assert.Equal(2, metrics.N);
        Assert.Equal(0.5, metrics.Mrr, 9);
        Assert.Equal(0.5, metrics.Hr100, 9);
    }

    [Fact]
    public void Classification_accuracy_and_macro_f1()
    {
        // jig: tp 1, fp 1, fn 1 -> F1 0.5; reel: tp 1, fp 0, fn 1 -> 2/3; air: tp 0 -> 0.
        var metrics = ClassificationMetrics.Compute(
            ["jig", "jig", "reel", "reel"], ["jig", "reel", "reel", null], ["jig", "reel", "air"]);

        Assert.Equal(4, metrics.N);
        Assert.Equal(0.5, metrics.Accuracy, 9);
        Assert.Equal((0.5 + 2.0 / 3 + 0) / 3, metrics.MacroF1, 9);
    }

    [Fact]
    public void Majority_baseline_predicts_the_most_frequent_label()
    {
        var metrics = ClassificationMetrics.Majority(["jig", "reel", "reel"], ["jig", "reel"]);

        Assert.Equal(2.0 / 3, metrics.Accuracy, 9);
        Assert.Equal((0 + 0.8) / 2, metrics.MacroF1, 9);
    }

    [Fact]
    public void Zero_shot_picks_the_closest_label_prompt()
    {
        Assert.Equal("reel", Evaluator.Predict(Diagonal, ["jig", "reel"], [Y, X]));
        Assert.Null(Evaluator.Predict(null, ["jig"], [X]));
    }
}
