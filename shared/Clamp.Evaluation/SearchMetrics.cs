using Clamp.ZeroShot;

namespace Clamp.Evaluation;

/// <summary>Text-to-music retrieval quality: mean reciprocal rank and hit rates at 1, 10 and 100.</summary>
public sealed record SearchMetrics(int N, double Mrr, double Hr1, double Hr10, double Hr100)
{
    /// <summary>
    /// Ranks the pool for each query. <paramref name="queries"/>[i] is the text of <paramref name="pool"/>[i]; a null
    /// score embedding (unreadable score) is never found, so its query is a miss (reciprocal rank 0) and it is not in the pool.
    /// </summary>
    public static SearchMetrics Compute(IReadOnlyList<float[]> queries, IReadOnlyList<float[]?> pool)
    {
        if (queries.Count != pool.Count)
        {
            throw new ArgumentException("There must be one score per query.");
        }

        var ranks = new int?[queries.Count];
        for (var q = 0; q < queries.Count; q++)
        {
            if (pool[q] is not { } target)
            {
                continue;
            }

            var targetScore = EmbeddingSimilarity.Cosine(queries[q], target);
            var rank = 1;
            for (var s = 0; s < pool.Count; s++)
            {
                if (s != q && pool[s] is { } other && EmbeddingSimilarity.Cosine(queries[q], other) > targetScore)
                {
                    rank++;
                }
            }

            ranks[q] = rank;
        }

        return FromRanks(ranks);
    }

    /// <summary>The metrics of the 1-based ranks at which each query found its score; null = not found (a miss).</summary>
    public static SearchMetrics FromRanks(IReadOnlyList<int?> ranks)
    {
        double reciprocal = 0, hit1 = 0, hit10 = 0, hit100 = 0;
        foreach (var rank in ranks.OfType<int>())
        {
            reciprocal += 1.0 / rank;
            hit1 += rank <= 1 ? 1 : 0;
            hit10 += rank <= 10 ? 1 : 0;
            hit100 += rank <= 100 ? 1 : 0;
        }

        var n = ranks.Count;
        return n == 0 ? new SearchMetrics(0, 0, 0, 0, 0) : new SearchMetrics(n, reciprocal / n, hit1 / n, hit10 / n, hit100 / n);
    }
}
