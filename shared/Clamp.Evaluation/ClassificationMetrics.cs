namespace Clamp.Evaluation;

/// <summary>Accuracy and macro-averaged F1 over the given labels.</summary>
public sealed record ClassificationMetrics(int N, double Accuracy, double MacroF1)
{
    /// <summary>A null prediction (unreadable score) is wrong for every label.</summary>
    public static ClassificationMetrics Compute(IReadOnlyList<string> truth, IReadOnlyList<string?> predicted, IReadOnlyList<string> labels)
    {
        if (truth.Count != predicted.Count)
        {
            throw new ArgumentException("There must be one prediction per item.");
        }

        if (truth.Count == 0)
        {
            return new ClassificationMetrics(0, 0, 0);
        }

        var correct = truth.Zip(predicted).Count(p => p.First == p.Second);
        var f1s = labels.Select(label =>
        {
            var tp = truth.Zip(predicted).Count(p => p.First == label && p.Second == label);
            var fp = truth.Zip(predicted).Count(p => p.First != label && p.Second == label);
            var fn = truth.Zip(predicted).Count(p => p.First == label && p.Second != label);
            return tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }).ToList();

        return new ClassificationMetrics(truth.Count, (double)correct / truth.Count, f1s.Count == 0 ? 0 : f1s.Average());
    }

    /// <summary>Always predicting the most frequent label (the majority baseline).</summary>
    public static ClassificationMetrics Majority(IReadOnlyList<string> truth, IReadOnlyList<string> labels)
    {
        var majority = truth.GroupBy(t => t).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        return Compute(truth, truth.Select(_ => (string?)majority).ToList(), labels);
    }
}
