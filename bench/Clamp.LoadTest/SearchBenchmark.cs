using System.Diagnostics;
using Clamp.Contracts.Grpc;
using Clamp.Contracts.Messages;
using Clamp.VectorStore;
using Clamp.VectorStore.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using VectorStoreClient = Clamp.Contracts.Grpc.VectorStore.VectorStoreClient;

namespace Clamp.LoadTest;

/// <summary>
/// For each size: bulk-loads that many synthetic unit vectors into their own model version (binary COPY, then the
/// HNSW index, as a re-index does), then measures k-NN latency through the vector store's gRPC API (unfiltered and
/// with a 10 % filter) and HNSW recall@10 against exact search.
/// </summary>
internal sealed class SearchBenchmark(Arguments args)
{
    private const int K = 10;
    private const int Collections = 10;

    public async Task<object> RunAsync()
    {
        var dimension = args.Number("dim", 256);
        var queries = args.Number("queries", 2000);
        var concurrency = args.Number("concurrency", 4);
        var recallQueries = args.Number("recall-queries", 100);
        var builder = new NpgsqlDataSourceBuilder(args.Text("postgres", Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? ""));
        builder.UseVector();
        await using var dataSource = builder.Build();
        var options = Options.Create(new VectorStoreOptions());
        await new SchemaInitializer(dataSource, NullLogger<SchemaInitializer>.Instance).StartAsync(CancellationToken.None);
        var (channel, calls) = args.Grpc("vector-store", "http://127.0.0.1:5282", args.ServiceKey);
        using var _ = channel;
        var client = new VectorStoreClient(calls);

        var results = new List<object>();
        foreach (var size in args.Numbers("sizes", "10000,100000"))
        {
            var version = $"loadtest-{size}-d{dimension}";
            var load = await BulkLoadAsync(dataSource, options, version, size, dimension);
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
            results.Add(new { size, dimension, version, load, unfiltered, filtered, recallAt10 = recall, recallQueries, exact = exactLatency });
        }
        return new { k = K, efSearch = options.Value.HnswEfSearch, m = options.Value.HnswM, efConstruction = options.Value.HnswEfConstruction, results };
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

    /// <summary>Loads the version's table unless an earlier run left it complete; returns the timings.</summary>
    private static async Task<object> BulkLoadAsync(NpgsqlDataSource dataSource, IOptions<VectorStoreOptions> options, string version, int size, int dimension)
    {
        var versions = new ModelVersionRepository(dataSource, new VersionTableDdl(options));
        if (await versions.FindAsync(version, CancellationToken.None) is { IndexBuilt: true } existing && existing.Indexed == size)
        {
            Console.WriteLine($"{version}: reusing the {size:N0} vectors of an earlier run");
            return new { reused = true };
        }
        var table = VersionTableName.For(version);
        await using (var reset = dataSource.CreateCommand($"DROP TABLE IF EXISTS {table}; DELETE FROM model_versions WHERE model_version = '{version}'"))
            await reset.ExecuteNonQueryAsync();
        await versions.EnsureAsync("loadtest", version, dimension, CancellationToken.None);

        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var drop = new NpgsqlCommand($"DROP INDEX IF EXISTS {table}_hnsw", connection))
            await drop.ExecuteNonQueryAsync();
        var vectors = new ClusteredVectors(dimension, clusters: 200, spread: 0.6f, scatterSeed: 7);
        var rows = Enumerable.Range(0, size).Select(i => new EmbeddingRow(
            Guid.CreateVersion7(), $"load{i}", vectors.Next(), $"c{i % Collections}", "D major", "6/8", "jig", ["loadtest"], $"Load tune {i}", null,
            Tenants.Default)).ToList();
        var copy = Stopwatch.StartNew();
        await EmbeddingWriter.CopyAsync(connection, table, rows, CancellationToken.None);
        copy.Stop();
        Console.WriteLine($"{version}: {size:N0} rows by binary COPY in {copy.Elapsed.TotalSeconds:0.0} s ({size / copy.Elapsed.TotalSeconds:N0} rows/s)");

        var index = Stopwatch.StartNew();
        await new VersionTableDdl(options).CreateIndexAsync(connection, table, CancellationToken.None);
        index.Stop();
        Console.WriteLine($"{version}: HNSW index built in {index.Elapsed.TotalSeconds:0.0} s");
        await using (var mark = new NpgsqlCommand(
            $"UPDATE model_versions SET indexed = {size}, index_built = true WHERE model_version = '{version}'; ANALYZE {table}", connection))
            await mark.ExecuteNonQueryAsync();
        return new { reused = false, copySeconds = copy.Elapsed.TotalSeconds, copyRowsPerSecond = size / copy.Elapsed.TotalSeconds, indexSeconds = index.Elapsed.TotalSeconds };
    }
}
