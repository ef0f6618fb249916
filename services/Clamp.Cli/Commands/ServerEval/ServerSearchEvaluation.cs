using Clamp.Client;
using Clamp.Contracts.Grpc;
using Clamp.Evaluation;

namespace Clamp.Cli.Commands.ServerEval;

/// <summary>
/// <c>clamp eval search --server</c>: the search benchmark on a running platform. Every line's score is uploaded through
/// the ingest API (with its title and composer as metadata; a score already stored keeps its id and metadata), the run
/// waits until all are indexed (or failed: a failed score is a miss), then each line's text is sent as a <c>Search</c>
/// in the chosen mode, and the line's own score is ranked among the file's scores only (other scores on the platform
/// are skipped, so the pool is the file's, as in the offline benchmark). A score below rank 100 is a miss (MRR@100).
/// </summary>
public sealed class ServerSearchEvaluation(ClampIngestClient ingest, ClampSearchClient search, TextWriter progress)
{
    public const int Depth = 100;
    private const int Concurrency = 4;

    public async Task<ServerSearchRun> RunAsync(
        IReadOnlyList<SearchEvalLine> lines, SearchMode mode, string modelVersion, TimeSpan indexTimeout, CancellationToken cancellationToken)
    {
        var ids = await UploadAsync(lines, cancellationToken);
        var failed = await WaitUntilIndexedAsync(ids, indexTimeout, cancellationToken);
        var pool = ids.Select(id => id.ToString()).ToHashSet();

        var ranks = new int?[lines.Count];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, lines.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                if (failed.Contains(ids[i])) return;
                ranks[i] = await RankAsync(lines[i].Text, ids[i].ToString(), pool, mode, modelVersion, token);
                if (Interlocked.Increment(ref done) % 500 == 0) progress.WriteLine($"searched {done}/{lines.Count}");
            });
        return new ServerSearchRun(ids, ranks);
    }

    /// <summary>The 1-based rank of <paramref name="target"/> among the pool's scores in the results, or null past <see cref="Depth"/>.</summary>
    private async Task<int?> RankAsync(string query, string target, IReadOnlySet<string> pool, SearchMode mode, string modelVersion, CancellationToken cancellationToken)
    {
        var rank = 0;
        var token = "";
        do
        {
            var request = new SearchRequest { Query = query, K = Depth, Mode = mode, ModelVersion = modelVersion, PageToken = token };
            var response = await search.SearchAsync(request, cancellationToken);
            foreach (var hit in response.Hits.Where(h => pool.Contains(h.ScoreId)))
            {
                if (++rank > Depth) return null;
                if (hit.ScoreId == target) return rank;
            }

            token = response.NextPageToken;
        }
        while (token.Length > 0);
        return null;
    }

    private async Task<Guid[]> UploadAsync(IReadOnlyList<SearchEvalLine> lines, CancellationToken cancellationToken)
    {
        var ids = new Guid[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            ids[i] = await ingest.UploadAsync(lines[i].FileName, lines[i].Content, lines[i].Metadata(), cancellationToken);
            if ((i + 1) % 500 == 0) progress.WriteLine($"uploaded {i + 1}/{lines.Count}");
        }

        progress.WriteLine($"uploaded {lines.Count} scores ({ids.Distinct().Count()} distinct)");
        return ids;
    }

    /// <summary>Polls the pending scores until none is left or the time is up; returns the ids that did not get indexed.</summary>
    private async Task<HashSet<Guid>> WaitUntilIndexedAsync(IEnumerable<Guid> ids, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pending = ids.ToHashSet();
        var failed = new HashSet<Guid>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (pending.Count > 0 && clock.Elapsed < timeout)
        {
            foreach (var id in pending.ToList())
            {
                var status = await ingest.GetStatusAsync(id, cancellationToken);
                if (status.IsFinal) pending.Remove(id);
                if (status.Status == ScoreStatus.Failed) failed.Add(id);
            }

            progress.WriteLine($"{pending.Count} scores not indexed yet, {failed.Count} failed ({clock.Elapsed.TotalSeconds:0} s)");
            if (pending.Count > 0) await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        failed.UnionWith(pending);
        if (failed.Count > 0) progress.WriteLine($"{failed.Count} scores were not indexed; their queries count as misses");
        return failed;
    }
}
