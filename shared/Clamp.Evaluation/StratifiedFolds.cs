namespace Clamp.Evaluation;

/// <summary>
/// Seeded stratified k-fold assignment: each label's items (labels in ordinal order) are shuffled with the seed and
/// dealt round-robin to the folds, the deal continuing from label to label. So every label is spread as evenly as it
/// can be (per fold its count differs by at most one, and a label with fewer items than folds lands in distinct folds),
/// and the folds' sizes differ by at most one.
/// </summary>
public static class StratifiedFolds
{
    /// <summary>The fold (0 .. <paramref name="folds"/> - 1) of each item.</summary>
    public static int[] Assign(IReadOnlyList<string> labels, int folds, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var random = new Random(seed);
        var fold = new int[labels.Count];
        var next = 0;
        var groups = Enumerable.Range(0, labels.Count)
            .GroupBy(i => labels[i], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var members = group.ToArray();
            random.Shuffle(members);
            foreach (var index in members)
            {
                fold[index] = next;
                next = (next + 1) % folds;
            }
        }

        return fold;
    }
}
