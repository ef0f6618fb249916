namespace Clamp.Evaluation;

/// <summary>
/// Representation quality as CLaMP 2/3 report it: a <see cref="LinearProbe"/> per fold of a seeded
/// <see cref="StratifiedFolds"/> split, each item predicted by the probe trained on the other folds.
/// </summary>
public static class ProbeEvaluation
{
    /// <summary>
    /// Cross-validated accuracy and macro-F1 over the labels' distinct values (in order of first appearance). An item
    /// without features (an unreadable score) keeps its fold, is never trained on, and is counted as a miss.
    /// </summary>
    public static ClassificationMetrics CrossValidate(IReadOnlyList<string> labels, IReadOnlyList<float[]?> features, int folds, int seed)
    {
        if (labels.Count != features.Count)
        {
            throw new ArgumentException("There must be one feature row (or null) per label.", nameof(features));
        }

        var labelSet = labels.Distinct(StringComparer.Ordinal).ToList();
        var classOf = labelSet.Select((label, index) => (label, index)).ToDictionary(p => p.label, p => p.index, StringComparer.Ordinal);
        var foldOf = StratifiedFolds.Assign(labels, folds, seed);
        var predicted = new string?[labels.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var train = Readable(features, i => foldOf[i] != fold);
            var test = Readable(features, i => foldOf[i] == fold);
            if (train.Count == 0 || test.Count == 0)
            {
                continue;
            }

            var probe = LinearProbe.Fit(train.Select(i => features[i]!).ToList(), train.Select(i => classOf[labels[i]]).ToList(), labelSet.Count);
            foreach (var i in test)
            {
                predicted[i] = labelSet[probe.Predict(features[i]!)];
            }
        }

        return ClassificationMetrics.Compute(labels, predicted, labelSet);
    }

    private static List<int> Readable(IReadOnlyList<float[]?> features, Func<int, bool> inFold) =>
        Enumerable.Range(0, features.Count).Where(i => features[i] is not null && inFold(i)).ToList();
}
