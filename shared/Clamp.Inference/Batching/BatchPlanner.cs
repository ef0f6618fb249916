namespace Clamp.Inference.Batching;

/// <summary>
/// Length bucketing: sorts items by cost (patches or tokens) and cuts the sorted list into batches whose padded cost
/// (items x the longest item) stays within a budget, choosing the cuts that minimise the total padded cost plus a
/// fixed overhead per batch (dynamic programming over the sorted list): long items do not pad short ones, and
/// items of similar length share a batch. An item costlier than the budget runs alone.
/// </summary>
public static class BatchPlanner
{
    /// <summary>The default cost of running one more batch, in the units of the item costs (patches or tokens).</summary>
    public const int DefaultBatchOverhead = 64;

    /// <summary>The cost of one more batch on CUDA, where a batch of the default model costs about 1 ms of kernel
    /// launches whatever its size (docs/embedding.md).</summary>
    public const int CudaBatchOverhead = 2048;

    /// <summary>The batch overhead that suits an execution provider: <see cref="CudaBatchOverhead"/> on CUDA,
    /// <see cref="DefaultBatchOverhead"/> on the CPU.</summary>
    public static int BatchOverheadFor(bool cuda) => cuda ? CudaBatchOverhead : DefaultBatchOverhead;

    /// <summary>Groups of indices into <paramref name="costs"/>; each group in ascending cost order.</summary>
    public static IReadOnlyList<int[]> Plan(IReadOnlyList<int> costs, int budget, int maxItems = int.MaxValue, int batchOverhead = DefaultBatchOverhead)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budget);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        ArgumentOutOfRangeException.ThrowIfNegative(batchOverhead);
        var order = Enumerable.Range(0, costs.Count).OrderBy(i => costs[i]).ToArray();
        var n = order.Length;

        // best[j]: the least total cost of the first j sorted items; start[j]: where the last batch of that plan begins.
        var best = new long[n + 1];
        var start = new int[n + 1];
        for (var j = 1; j <= n; j++)
        {
            best[j] = long.MaxValue;
            long longest = Math.Max(1, costs[order[j - 1]]);
            for (var i = j - 1; i >= 0 && j - i <= maxItems; i--)
            {
                var size = j - i;
                if (size > 1 && size * longest > budget)
                {
                    break;
                }

                var total = best[i] + batchOverhead + (size * longest);
                if (total < best[j])
                {
                    best[j] = total;
                    start[j] = i;
                }
            }
        }

        var groups = new List<int[]>();
        for (var j = n; j > 0; j = start[j])
        {
            groups.Add(order[start[j]..j]);
        }

        groups.Reverse();
        return groups;
    }

    /// <summary>Runs <paramref name="run"/> on each planned batch and returns the results in input order.</summary>
    public static TResult[] Run<TItem, TResult>(
        IReadOnlyList<TItem> items, Func<TItem, int> cost, int budget, Func<IReadOnlyList<TItem>, TResult[]> run,
        int batchOverhead = DefaultBatchOverhead)
    {
        var results = new TResult[items.Count];
        foreach (var group in Plan(items.Select(cost).ToArray(), budget, batchOverhead: batchOverhead))
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
