using Clamp.Contracts.Grpc;

namespace Clamp.Cli.Commands.Platform;

/// <summary>
/// Search and similarity hits as the <c>--json</c> object: <c>{"results":[{"id","title","path","score","matched"}]}</c>
/// (<c>path</c> is null against a server: a score there is known by its id).
/// </summary>
public static class HitsJson
{
    public static object From(IEnumerable<ScoreHit> hits) => new
    {
        results = hits.Select(hit => new
        {
            id = hit.ScoreId,
            title = hit.Title,
            path = (string?)null,
            score = hit.Score,
            matched = hit.Matched.ToArray(),
        }).ToList(),
    };
}
