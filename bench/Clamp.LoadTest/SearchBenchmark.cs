using Clamp.Contracts.Grpc;
using Clamp.Contracts.Messages;
using VectorStoreClient = Clamp.Contracts.Grpc.VectorStore.VectorStoreClient;

namespace Clamp.LoadTest;

/// <summary>
/// For each size: loads that many synthetic unit vectors into their own model version through the vector store's
/// messages, as a re-index does (<see cref="ReindexLoad"/>: batched binary COPY, then the HNSW index), then measures
/// k-NN latency through its gRPC API (unfiltered and with a 10 % filter) and HNSW recall@10 against exact search.
/// Only the store's public surface is used: its RabbitMQ messages and its gRPC service.
/// </summary>
internal sealed class SearchBenchmark(Arguments args)
{
    private const int K = 10;

    public async Task<object> RunAsync()
    {
        var dimension = args.Number("dim", 256);
        var queries = args.Number("queries", 2000);
        var concurrency = args.Number("concurrency", 4);
        var recallQueries = args.Number("recall-queries", 100);
        var (channel, calls) = args.Grpc("vector-store", "http://127.0.0.1:5282", args.ServiceKey);
        using var _ = channel;
        var client = new VectorStoreClient(calls);
        var bus = LoadTestBus.Create(args);
        await bus.StartAsync();
        try
        {
            var load = new ReindexLoad(bus, client, TimeSpan.FromSeconds(args.Number("load-time-limit", 1200)));
            await load.EnsureSomethingServesAsync(dimension);
            return await MeasureAsync(load, client, dimension, queries, concurrency, recallQueries);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    private async Task<object> MeasureAsync(ReindexLoad load, VectorStoreClient client, int dimension, int queries, int concurrency, int recallQueries)
    {
        var results = new List<object>();
        foreach (var size in args.Numbers("sizes", "10000,100000"))
        {
            var version = $"loadtest-{size}-d{dimension}";
            var loaded = await load.LoadAsync(version, size, dimension);
            var queryVectors = new ClusteredVectors(dimension, clusters: 200, spread: 0.6f, scatterSeed: 42);
            NearestRequest Request(bool exact, bool filtered)
            {
                var request = new NearestRequest { K = K, ModelVersion = version, Exact = exact, Tenants = { Tenants.Default } };
                request.Vector.AddRange(queryVectors.Next());
                if (filtered) request.Filter = new ScoreFilter { Collections = { "c3" } };
                return request;
            }

            await LatencyStats.MeasureAsync(Math.Min(200, queries), concurrency, _ => client.NearestAsync(Request(false, false)).ResponseAsync);
            var unfiltered = await LatencyStats.MeasureAsync(queries, concurrency, _ => client.NearestAsync(Request(false, false)).ResponseAsync);
            Console.WriteLine($"  {size:N0} vectors, HNSW: {unfiltered}");
            var filtered = await LatencyStats.MeasureAsync(queries / 2, concurrency, _ => client.NearestAsync(Request(false, true)).ResponseAsync);
            Console.WriteLine($"  {size:N0} vectors, HNSW + 10 % filter: {filtered}");
            var (recall, exactLatency) = await RecallAsync(client, version, queryVectors, recallQueries, dimension);
            Console.WriteLine($"  {size:N0} vectors: recall@10 {recall:0.0000} over {recallQueries} queries; exact search {exactLatency}");
            results.Add(new { size, dimension, version, load = loaded, unfiltered, filtered, recallAt10 = recall, recallQueries, exact = exactLatency });
        }
        // The HNSW parameters are the vector store's configuration (VectorStore__HnswM, __HnswEfConstruction, __HnswEfSearch).
        return new { k = K, results };
    }

    private static async Task<(double Recall, LatencyStats Exact)> RecallAsync(
        VectorStoreClient client, string version, ClusteredVectors vectors, int count, int dimension)
    {
        var found = 0;
        var requests = Enumerable.Range(0, count).Select(_ => vectors.Next()).ToList();
        var exactIds = new HashSet<string>[count];
        var exact = await LatencyStats.MeasureAsync(count, 1, async i =>
        {
            var request = new NearestRequest { K = K, ModelVersion = version, Exact = true, Tenants = { Tenants.Default } };
            request.Vector.AddRange(requests[i]);
            exactIds[i] = (await client.NearestAsync(request)).Hits.Select(h => h.ScoreId).ToHashSet();
        });
        for (var i = 0; i < count; i++)
        {
            var request = new NearestRequest { K = K, ModelVersion = version, Tenants = { Tenants.Default } };
            request.Vector.AddRange(requests[i]);
            found += (await client.NearestAsync(request)).Hits.Count(h => exactIds[i].Contains(h.ScoreId));
        }
        return ((double)found / (count * K), exact);
    }
}
