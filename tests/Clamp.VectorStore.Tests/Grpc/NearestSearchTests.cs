using Clamp.Contracts.Grpc;
using Clamp.Contracts.Messages;
using Clamp.Testing;
using Clamp.VectorStore.Storage;
using Clamp.VectorStore.Tests.Support;
using Grpc.Core;
using VectorStoreClient = Clamp.Contracts.Grpc.VectorStore.VectorStoreClient;

namespace Clamp.VectorStore.Tests.Grpc;

/// <summary>
/// k-NN search through the real gRPC API over a real pgvector table of 2,000 random unit vectors with an HNSW
/// index, compared with exact search.
/// </summary>
public sealed class NearestSearchTests(IsolatedInfrastructure infrastructure) : IClassFixture<IsolatedInfrastructure>, IAsyncLifetime
{
    private const int Dimension = 32;
    private const int Count = 2000;
    private const string Version = "1.0.0";
    private static readonly string[] Collections = ["irish", "scottish", "english", "welsh"];
    private static readonly string[] Keys = ["D major", "G major", "A dorian", "E minor", "C major"];

    private InProcessGrpcHost host = null!;
    private VectorStoreClient client = null!;
    private VectorStoreDatabase database = null!;
    private readonly List<EmbeddingRow> rows = [];

    public async Task InitializeAsync()
    {
        host = await VectorStoreTestHost.StartAsync(infrastructure);
        client = new VectorStoreClient(host.Calls);
        database = new VectorStoreDatabase(host.Services);
        var vectors = new UnitVectors(Dimension, seed: 7);
        for (var i = 0; i < Count; i++)
        {
            rows.Add(new EmbeddingRow(
                new Guid(i + 1, 0, 0, new byte[8]), $"hash{i}", vectors.Next(),
                Collections[i % Collections.Length], Keys[i % Keys.Length], i % 2 == 0 ? "6/8" : "4/4",
                i % 3 == 0 ? "jig" : "reel",
                i % 10 == 0 ? ["dance", "session"] : ["dance"],
                $"Tune {i}", i % 7 == 0 ? "O'Carolan" : null, Tenants.Default));
        }
        // The first version serves at once, so its HNSW index exists before the load (filled row by row).
        await database.LoadAsync(Version, Dimension, rows);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private NearestRequest Request(float[] vector, int k = 10, int offset = 0, bool exact = false, ScoreFilter? filter = null)
    {
        var request = new NearestRequest { K = k, Offset = offset, Exact = exact, Filter = filter, Tenants = { Tenants.Default } };
        request.Vector.AddRange(vector);
        return request;
    }

    [Fact]
    public async Task A_stored_vector_finds_itself_first_with_similarity_one()
    {
        var target = rows[123];
        var response = await client.NearestAsync(Request(target.Embedding));

        Assert.Equal(Version, response.ModelVersion);
        Assert.Equal(10, response.Hits.Count);
        Assert.Equal(target.ScoreId.ToString(), response.Hits[0].ScoreId);
        Assert.Equal(1f, response.Hits[0].Score, 3);
        Assert.Equal("Tune 123", response.Hits[0].Title);
        Assert.Equal(target.Collection, response.Hits[0].Collection);
        Assert.True(response.Hits.Zip(response.Hits.Skip(1)).All(p => p.First.Score >= p.Second.Score), "hits are sorted by similarity");
    }

    [Fact]
    public async Task Approximate_search_agrees_with_exact_search_on_at_least_95_percent_of_the_top_10()
    {
        var queries = new UnitVectors(Dimension, seed: 99);
        int found = 0, total = 0;
        for (var q = 0; q < 20; q++)
        {
            var vector = queries.Next();
            var approximate = await client.NearestAsync(Request(vector));
            var exact = await client.NearestAsync(Request(vector, exact: true));
            found += approximate.Hits.Select(h => h.ScoreId).Intersect(exact.Hits.Select(h => h.ScoreId)).Count();
            total += exact.Hits.Count;
        }
        Assert.True(found >= 0.95 * total, $"recall@10 = {found}/{total}");
    }

    [Fact]
    public async Task The_planner_orders_the_version_table_by_its_hnsw_index()
    {
        var table = VersionTableName.For(Version);
        var vector = "[" + string.Join(",", rows[0].Embedding.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";
        await database.ScalarAsync<long?>($"ANALYZE {table}");
        var plan = await database.ScalarAsync<string>(
            $"EXPLAIN (FORMAT JSON) SELECT score_id FROM {table} WHERE tenant = ANY('{{{Tenants.Default}}}') ORDER BY embedding <=> '{vector}' LIMIT 10");
        Assert.True(plan!.Contains($"{table}_hnsw"), plan);
    }

    [Fact]
    public async Task Filters_keep_only_matching_scores_and_still_fill_the_page()
    {
        var filter = new ScoreFilter { Collections = { "irish", "welsh" }, Keys = { "D major" }, Tags = { "session" } };
        var expected = rows.Where(r => r.Collection is "irish" or "welsh" && r.Key == "D major" && r.Tags.Contains("session")).ToList();
        Assert.True(expected.Count >= 10, "the sample data has enough matches");

        var response = await client.NearestAsync(Request(rows[5].Embedding, k: 10, filter: filter));

        Assert.Equal(10, response.Hits.Count);
        Assert.All(response.Hits, hit =>
        {
            Assert.Contains(hit.Collection, new[] { "irish", "welsh" });
            Assert.Equal("D major", hit.Key);
            Assert.Contains("session", hit.Tags);
        });
        var exact = await client.NearestAsync(Request(rows[5].Embedding, k: 10, exact: true, filter: filter));
        Assert.Equal(exact.Hits.Select(h => h.ScoreId), response.Hits.Select(h => h.ScoreId));
    }

    [Fact]
    public async Task Meter_and_type_filters_match_exactly()
    {
        var filter = new ScoreFilter { Meters = { "6/8" }, Types_ = { "jig" } };
        var response = await client.NearestAsync(Request(rows[1].Embedding, k: 50, filter: filter));
        Assert.Equal(50, response.Hits.Count);
        Assert.All(response.Hits, hit => Assert.True(hit.Meter == "6/8" && hit.Type == "jig", $"{hit.Meter} {hit.Type}"));
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_repeats()
    {
        var vector = rows[42].Embedding;
        var pages = new List<string>();
        for (var page = 0; page < 3; page++)
            pages.AddRange((await client.NearestAsync(Request(vector, k: 10, offset: page * 10))).Hits.Select(h => h.ScoreId));
        var exact = (await client.NearestAsync(Request(vector, k: 30, exact: true))).Hits.Select(h => h.ScoreId).ToList();

        Assert.Equal(30, pages.Distinct().Count());
        Assert.True(pages.Intersect(exact).Count() >= 28, "three approximate pages match the exact top 30");
    }

    [Fact]
    public async Task Excluded_scores_are_left_out()
    {
        var request = Request(rows[7].Embedding, k: 5);
        request.ExcludeScoreIds.Add(rows[7].ScoreId.ToString());
        var response = await client.NearestAsync(request);
        Assert.Equal(5, response.Hits.Count);
        Assert.DoesNotContain(rows[7].ScoreId.ToString(), response.Hits.Select(h => h.ScoreId));
    }

    [Fact]
    public async Task The_stored_embedding_of_a_score_comes_back()
    {
        var response = await client.GetEmbeddingAsync(new GetEmbeddingRequest { ScoreId = rows[9].ScoreId.ToString(), Tenants = { Tenants.Default } });
        Assert.True(response.Found);
        Assert.Equal(rows[9].Embedding, response.Vector.ToArray());

        var missing = await client.GetEmbeddingAsync(new GetEmbeddingRequest { ScoreId = Guid.NewGuid().ToString(), Tenants = { Tenants.Default } });
        Assert.False(missing.Found);
    }

    [Fact]
    public async Task Bad_requests_get_clear_status_codes()
    {
        var wrongDimension = await Assert.ThrowsAsync<RpcException>(() => client.NearestAsync(Request(new float[Dimension + 1])).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, wrongDimension.StatusCode);
        Assert.Contains("33 dimensions", wrongDimension.Status.Detail);

        var tooMany = await Assert.ThrowsAsync<RpcException>(() => client.NearestAsync(Request(rows[0].Embedding, k: 5000)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, tooMany.StatusCode);

        var unknownVersion = Request(rows[0].Embedding);
        unknownVersion.ModelVersion = "9.9.9";
        var notFound = await Assert.ThrowsAsync<RpcException>(() => client.NearestAsync(unknownVersion).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);

        var badId = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetEmbeddingAsync(new GetEmbeddingRequest { ScoreId = "tune-1", Tenants = { Tenants.Default } }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badId.StatusCode);
    }

    [Fact]
    public async Task The_model_versions_report_the_serving_one_and_its_count()
    {
        var response = await client.GetModelVersionsAsync(new GetModelVersionsRequest());
        Assert.Equal(Version, response.ServingVersion);
        var version = Assert.Single(response.Versions);
        Assert.Equal("serving", version.State);
        Assert.Equal(Count, version.Indexed);
    }
}
