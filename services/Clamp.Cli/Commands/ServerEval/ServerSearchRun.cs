using Clamp.Evaluation;

namespace Clamp.Cli.Commands.ServerEval;

/// <summary>What one <c>clamp eval search --server</c> run found, line by line.</summary>
/// <param name="ScoreIds">The platform's id of each line's score.</param>
/// <param name="Ranks">Each line's 1-based rank of its own score among the file's scores; null for a miss.</param>
public sealed record ServerSearchRun(IReadOnlyList<Guid> ScoreIds, IReadOnlyList<int?> Ranks)
{
    public SearchMetrics Metrics => SearchMetrics.FromRanks(Ranks);

    /// <summary>One JSON line per input line, in order: <c>{"line", "score_id", "rank"}</c> (rank null for a miss).</summary>
    public IEnumerable<string> RankLines() => Ranks.Select((rank, i) =>
        System.Text.Json.JsonSerializer.Serialize(new { line = i + 1, score_id = ScoreIds[i], rank }));
}
