using Clamp.Contracts.Grpc;

namespace Clamp.LoadTest;

/// <summary>
/// Search latency through the public API of the running platform, in each search mode: a text query is embedded by
/// the embedding service and searched in the vector store's serving version (semantic), matched against the metadata
/// (keyword), or both, fused (hybrid, the default of the API). Two query streams per mode: <c>repeated</c> draws from
/// 210 short descriptions ("a lively jig in D major"), as a catalogue's popular queries repeat, and <c>distinct</c>
/// never sends the same text twice, so no cache of query embeddings can help it.
/// </summary>
internal sealed class QueryBenchmark(Arguments args)
{
    private static readonly string[] Types = ["jig", "reel", "hornpipe", "waltz", "polka", "slip jig", "march"];
    private static readonly string[] Moods = ["lively", "slow", "sad", "cheerful", "stately", "fast"];
    private static readonly string[] Keys = ["D major", "G major", "A dorian", "E minor", "C major"];
    private static readonly SearchMode[] AllModes = [SearchMode.Hybrid, SearchMode.Semantic, SearchMode.Keyword];

    public async Task<object> RunAsync()
    {
        var (channel, calls) = args.Grpc("query", "http://127.0.0.1:5183", args.ApiKey);
        using var _ = channel;
        var client = new ScoreSearch.ScoreSearchClient(calls);
        var queries = args.Number("queries", 1000);
        var concurrency = args.Number("concurrency", 4);
        var modes = args.Text("modes", "hybrid,semantic,keyword").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(name => AllModes.Single(m => m.ToString().Equals(name, StringComparison.OrdinalIgnoreCase))).ToList();
        var descriptions = (from mood in Moods from type in Types from key in Keys select $"a {mood} {type} in {key}").ToList();
        var random = new Random(11);
        var repeated = Enumerable.Range(0, queries).Select(_ => descriptions[random.Next(descriptions.Count)]).ToList();

        var results = new Dictionary<string, object>();
        var run = 0;
        foreach (var mode in modes)
        {
            // Each mode's distinct texts differ from every other mode's, so one mode never warms another's cache.
            var offset = ++run * queries;
            var distinct = Enumerable.Range(offset, queries).Select(i => $"{descriptions[i % descriptions.Count]} at {60 + (i / descriptions.Count)} beats per minute").ToList();
            Task Search(IReadOnlyList<string> texts, int i) =>
                client.SearchAsync(new SearchRequest { Query = texts[i], K = 10, Mode = mode }).ResponseAsync;

            await LatencyStats.MeasureAsync(50, concurrency, i => Search(repeated, i));
            var repeatedStats = await LatencyStats.MeasureAsync(queries, concurrency, i => Search(repeated, i));
            var distinctStats = await LatencyStats.MeasureAsync(queries, concurrency, i => Search(distinct, i));
            Console.WriteLine($"  Search ({mode}, repeated texts): {repeatedStats}");
            Console.WriteLine($"  Search ({mode}, distinct texts): {distinctStats}");
            results[mode.ToString().ToLowerInvariant()] = new { repeated = repeatedStats, distinct = distinctStats };
        }

        return new { queries, concurrency, repeatedDistinctTexts = repeated.Distinct().Count(), modes = results };
    }
}
