using Clamp.ZeroShot;

namespace Clamp.Cli.Commands.Local;

/// <summary>An indexed tune and how close it is to what was looked for (cosine similarity).</summary>
public sealed record LocalHit(IndexedTune Tune, double Score)
{
    /// <summary>The <paramref name="k"/> tunes nearest to <paramref name="vector"/>, nearest first (ties by path).</summary>
    public static IReadOnlyList<LocalHit> Nearest(IEnumerable<IndexedTune> tunes, float[] vector, int k) =>
        tunes.Select(tune => new LocalHit(tune, EmbeddingSimilarity.Cosine(tune.Vector, vector)))
            .OrderByDescending(hit => hit.Score)
            .ThenBy(hit => hit.Tune.Path, StringComparer.Ordinal)
            .Take(k)
            .ToList();
}
