using Clamp.Evaluation;

namespace Clamp.Evaluation.Tests;

/// <summary>The linear probe and its k-fold evaluation on synthetic data.</summary>
public sealed class LinearProbeTests
{
    [Fact]
    public void Linearly_separable_classes_are_all_predicted_right()
    {
        var (labels, features) = Clusters(perClass: 20, dimension: 6, spread: 0.5, seed: 1);

        var metrics = ProbeEvaluation.CrossValidate(labels, features, folds: 5, seed: 0);

        Assert.Equal(60, metrics.N);
        Assert.Equal(1.0, metrics.Accuracy);
        Assert.Equal(1.0, metrics.MacroF1);
    }

    [Fact]
    public void Random_labels_give_about_chance()
    {
        var random = new Random(5);
        var labels = Enumerable.Range(0, 240).Select(_ => $"class {random.Next(4)}").ToList();
        var features = Enumerable.Range(0, 240).Select(_ => Gaussian(random, 8, 0, 1)).ToList<float[]?>();

        var metrics = ProbeEvaluation.CrossValidate(labels, features, folds: 5, seed: 0);

        Assert.InRange(metrics.Accuracy, 0.1, 0.4);
    }

    [Fact]
    public void The_same_seed_gives_the_same_result_and_another_seed_another()
    {
        var random = new Random(9);
        var labels = Enumerable.Range(0, 120).Select(_ => $"class {random.Next(3)}").ToList();
        var features = Enumerable.Range(0, 120).Select(_ => Gaussian(random, 5, 0, 1)).ToList<float[]?>();

        var first = ProbeEvaluation.CrossValidate(labels, features, folds: 4, seed: 11);

        Assert.Equal(first, ProbeEvaluation.CrossValidate(labels, features, folds: 4, seed: 11));
        Assert.NotEqual(first, ProbeEvaluation.CrossValidate(labels, features, folds: 4, seed: 12));
    }

    [Fact]
    public void An_item_without_features_is_counted_as_a_miss()
    {
        var (labels, features) = Clusters(perClass: 10, dimension: 4, spread: 0.5, seed: 2);
        features[0] = null;

        var metrics = ProbeEvaluation.CrossValidate(labels, features, folds: 3, seed: 0);

        Assert.Equal(30, metrics.N);
        Assert.Equal(29.0 / 30, metrics.Accuracy, 1e-12);
    }

    [Fact]
    public void A_fitted_probe_predicts_its_training_data()
    {
        var (labels, features) = Clusters(perClass: 8, dimension: 3, spread: 0.3, seed: 4);
        var classes = labels.Distinct().ToList();
        var y = labels.Select(l => classes.IndexOf(l)).ToList();

        var probe = LinearProbe.Fit(features.Select(f => f!).ToList(), y, classes.Count);

        Assert.Equal(y, features.Select(f => probe.Predict(f!)));
    }

    /// <summary>Three classes around far-apart centres (each class's centre is +4 on its own axis).</summary>
    private static (List<string> Labels, List<float[]?> Features) Clusters(int perClass, int dimension, double spread, int seed)
    {
        var random = new Random(seed);
        var labels = new List<string>();
        var features = new List<float[]?>();
        for (var i = 0; i < perClass * 3; i++)
        {
            var label = i % 3;
            var row = Gaussian(random, dimension, 0, spread);
            row[label] += 4;
            labels.Add($"class {label}");
            features.Add(row);
        }

        return (labels, features);
    }

    private static float[] Gaussian(Random random, int dimension, double mean, double sd) =>
        Enumerable.Range(0, dimension)
            .Select(_ => (float)(mean + (sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))))
            .ToArray();
}
