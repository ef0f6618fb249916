namespace Clamp.Inference.Batching;

/// <summary>
/// Length bucketing: sorts items by cost (patches or tokens) and cuts them into batches whose padded cost
/// (items x the longest item) stays within a budget, so that short items are not padded to long ones.
/// An item costlier than the budget runs alone.
/// </summary>
public static class BatchPlanner
{
    /// <summary>Groups of indices into <paramref name="costs"/>; each group in ascending cost order.</summary>
    public static IReadOnlyList<int[]> Plan(IReadOnlyList<int> costs, int budget, int maxItems = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budget);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        var order = Enumerable.Range(0, costs.Count).OrderBy(i => costs[i]).ToArray();
        var groups = new List<int[]>();
        var start = 0;
        for (var i = 1; i <= order.Length; i++)
        {
            var size = i - start + 1;
            var full = i == order.Length || size > maxItems || (long)size * Math.Max(1, costs[order[i]]) > budget;
            if (full)
            {
                groups.Add(order[start..i]);
                start = i;
            }
        }

        return groups;
    }

    /// <summary>Runs <paramref name="run"/> on each planned batch and returns the results in input order.</summary>
    public static TResult[] Run<TItem, TResult>(
        IReadOnlyList<TItem> items, Func<TItem, int> cost, int budget, Func<IReadOnlyList<TItem>, TResult[]> run)
    {
        var results = new TResult[items.Count];
        foreach (var group in Plan(items.Select(cost).ToArray(), budget))
        {
            var batch = run(group.Select(i => items[i]).ToArray());
            for (var j = 0; j < group.Length; j++)
            {
                results[group[j]] = batch[j];
            }
        }

        return results;
    }
}
