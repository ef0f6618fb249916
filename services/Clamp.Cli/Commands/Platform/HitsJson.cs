using Clamp.Cli.Commands.Local;
using Clamp.Contracts.Grpc;

namespace Clamp.Cli.Commands.Platform;

/// <summary>
/// Search and similarity hits as the <c>--json</c> object: <c>{"results":[{"id","title","path","score","matched"}]}</c>
/// (against a server <c>path</c> is null, a score there is known by its id; in local mode <c>id</c> is null and
/// <c>path</c> is the tune's path relative to the searched directory).
/// </summary>
public static class HitsJson
{
    private sealed record HitJson(string? Id, string Title, string? Path, float Score, string[] Matched);

    public static object From(IEnumerable<ScoreHit> hits) =>
        Results(hits.Select(hit => new HitJson(hit.ScoreId, hit.Title, null, hit.Score, hit.Matched.ToArray())));

    /// <summary>Local hits, with what the index update did (<see cref="LocalIndex.ToJson"/>) as <c>index</c>.</summary>
    public static object From(IEnumerable<LocalHit> hits, LocalIndex index) => new
    {
        results = hits.Select(hit => new HitJson(null, hit.Tune.Title, hit.Tune.Path, (float)hit.Score, [])).ToList(),
        index = index.ToJson(),
    };

    private static object Results(IEnumerable<HitJson> hits) => new { results = hits.ToList() };
}
