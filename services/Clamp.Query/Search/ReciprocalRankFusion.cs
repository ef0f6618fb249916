using Clamp.Contracts.Grpc;

namespace Clamp.Query.Search;

/// <summary>
/// Weighted reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): a ranking gives a hit at rank r
/// (1-based) the amount w / (k + r), w its weight for that hit, and the fused score is the sum. It needs no calibration between rankings (a
/// keyword rank and a cosine similarity are not on one scale), and a score near the top of either ranking, or fairly
/// high in both, comes first. A fused hit keeps the fields of its first appearance and the reasons of every ranking
/// it is in; ties go to the better best rank, then to the score id, so the order is deterministic.
/// </summary>
public static class ReciprocalRankFusion
{
    public static IReadOnlyList<ScoreHit> Fuse(IReadOnlyList<IReadOnlyList<ScoreHit>> rankings, int k) =>
        Fuse(rankings.Select(r => (r, (Func<ScoreHit, double>)(_ => 1.0))).ToList(), k);

    /// <summary>Fuses rankings, each with a weight per hit (a ranking's confidence in that hit).</summary>
    public static IReadOnlyList<ScoreHit> Fuse(IReadOnlyList<(IReadOnlyList<ScoreHit> Ranking, Func<ScoreHit, double> Weight)> rankings, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var fused = new Dictionary<string, (ScoreHit Hit, double Score, int BestRank)>(StringComparer.Ordinal);
        foreach (var (ranking, weight) in rankings)
        {
            for (var i = 0; i < ranking.Count; i++)
            {
                var hit = ranking[i];
                var contribution = weight(hit) / (k + i + 1);
                if (fused.TryGetValue(hit.ScoreId, out var seen))
                {
                    foreach (var reason in hit.Matched.Where(r => !seen.Hit.Matched.Contains(r)))
                        seen.Hit.Matched.Add(reason);
                    fused[hit.ScoreId] = (seen.Hit, seen.Score + contribution, Math.Min(seen.BestRank, i + 1));
                }
                else
                {
                    fused[hit.ScoreId] = (hit.Clone(), contribution, i + 1);
                }
            }
        }

        return fused.Values
            .OrderByDescending(f => f.Score).ThenBy(f => f.BestRank).ThenBy(f => f.Hit.ScoreId, StringComparer.Ordinal)
            .Select(f =>
            {
                f.Hit.Score = (float)f.Score;
                return f.Hit;
            })
            .ToList();
    }
}
