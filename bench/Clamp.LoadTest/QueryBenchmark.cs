using Clamp.Contracts.Grpc;
using Grpc.Net.Client;

namespace Clamp.LoadTest;

/// <summary>
/// Search latency through the public API of the running platform: a text query is embedded by the embedding
/// service, then searched in the vector store's serving version.
/// </summary>
internal sealed class QueryBenchmark(Arguments args)
{
    private static readonly string[] Types = ["jig", "reel", "hornpipe", "waltz", "polka", "slip jig", "march"];
    private static readonly string[] Moods = ["lively", "slow", "sad", "cheerful", "stately", "fast"];
    private static readonly string[] Keys = ["D major", "G major", "A dorian", "E minor", "C major"];

    public async Task<object> RunAsync()
    {
        using var channel = GrpcChannel.ForAddress(args.Address("query", "http://127.0.0.1:5183"));
        var client = new ScoreSearch.ScoreSearchClient(channel);
        var random = new Random(11);
        var texts = Enumerable.Range(0, 500)
            .Select(_ => $"a {Moods[random.Next(Moods.Length)]} {Types[random.Next(Types.Length)]} in {Keys[random.Next(Keys.Length)]}")
            .ToList();
        var queries = args.Number("queries", 1000);
        var concurrency = args.Number("concurrency", 4);
        await LatencyStats.MeasureAsync(50, concurrency, i => client.SearchAsync(new SearchRequest { Query = texts[i % texts.Count], K = 10 }).ResponseAsync);
        var stats = await LatencyStats.MeasureAsync(queries, concurrency, i =>
            client.SearchAsync(new SearchRequest { Query = texts[i % texts.Count], K = 10 }).ResponseAsync);
        Console.WriteLine($"  Search through the query service: {stats}");
        return new { queries, concurrency, distinctTexts = texts.Count, search = stats };
    }
}
