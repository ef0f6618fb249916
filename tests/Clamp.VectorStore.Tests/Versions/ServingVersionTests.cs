using MassTransit;
using Clamp.Contracts.Grpc;
using Clamp.Contracts.Messages;
using Clamp.Testing;
using Clamp.VectorStore.Tests.Support;
using VectorStoreClient = Clamp.Contracts.Grpc.VectorStore.VectorStoreClient;

namespace Clamp.VectorStore.Tests.Versions;

/// <summary>
/// Re-indexing: a newly published model version is built in the background while searches keep using the
/// serving one, and takes over only when every stored score is indexed or failed with a reason.
/// </summary>
public sealed class ServingVersionTests(IsolatedInfrastructure infrastructure) : IClassFixture<IsolatedInfrastructure>, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const int Dimension = 16;
    private const int Scores = 10;
    private InProcessGrpcHost host = null!;
    private MessageProbe bus = null!;
    private VectorStoreDatabase database = null!;
    private VectorStoreClient client = null!;

    public async Task InitializeAsync()
    {
        host = await VectorStoreTestHost.StartAsync(infrastructure);
        bus = await new MessageProbe(infrastructure.Platform.RabbitMq, infrastructure.VirtualHost)
            .Record<ScoreIndexed>().Record<ScoreFailed>().StartAsync();
        database = new VectorStoreDatabase(host.Services);
        client = new VectorStoreClient(host.Calls);
    }

    public async Task DisposeAsync()
    {
        await bus.DisposeAsync();
        await host.DisposeAsync();
    }

    private async Task<GetModelVersionsResponse> VersionsAsync() => await client.GetModelVersionsAsync(new GetModelVersionsRequest());

    private async Task<string> ServedVersionAsync(float[] query)
    {
        var request = new NearestRequest { K = 3, Tenants = { Tenants.Default } };
        request.Vector.AddRange(query);
        return (await client.NearestAsync(request)).ModelVersion;
    }

    [Fact]
    public async Task A_new_version_serves_only_once_every_stored_score_is_indexed_or_failed()
    {
        var ids = Enumerable.Range(0, Scores).Select(_ => Guid.NewGuid()).ToList();
        var v1 = new UnitVectors(Dimension, 1);
        await bus.Bus.PublishBatch(ids.Select(id => Embedded.Score(id, v1.Next(), "1.0.0")));
        await Eventually.TrueAsync(async () => await database.CountRowsAsync("1.0.0") == Scores, "version 1 indexed", Wait);
        Assert.Equal("1.0.0", (await VersionsAsync()).ServingVersion);

        await bus.Bus.Publish(new ModelPublished { ModelId = Embedded.ModelId, ModelVersion = "2.0.0", EmbeddingDim = Dimension, PatchScheme = "clamp1" });
        await Eventually.TrueAsync(async () => (await VersionsAsync()).Versions.Any(v => v.ModelVersion == "2.0.0"), "version 2 registered", Wait);
        await bus.Bus.Publish(new ReindexProgress { JobId = Guid.NewGuid(), ModelVersion = "2.0.0", Done = 0, Total = Scores });
        var v2 = new UnitVectors(Dimension, 2);
        await bus.Bus.PublishBatch(ids.Take(Scores - 1).Select(id => Embedded.Score(id, v2.Next(), "2.0.0")));
        await Eventually.TrueAsync(async () => await database.CountRowsAsync("2.0.0") == Scores - 1, "version 2 nearly complete", Wait);
        await Eventually.TrueAsync(async () => (await VersionsAsync()).Versions.Single(v => v.ModelVersion == "2.0.0").Total == Scores, "the re-index total recorded", Wait);

        var building = await VersionsAsync();
        Assert.Equal("1.0.0", building.ServingVersion);
        Assert.Equal("building", building.Versions.Single(v => v.ModelVersion == "2.0.0").State);
        Assert.Equal(Scores - 1, building.Versions.Single(v => v.ModelVersion == "2.0.0").Indexed);
        Assert.Equal("1.0.0", await ServedVersionAsync(v1.Next()));
        Assert.False((await database.Versions.FindAsync("2.0.0", default))!.IndexBuilt, "the HNSW index waits for the bulk load");

        // The last score fails at the embedding stage: it counts as done, with its reason kept.
        await bus.Bus.Publish(new ScoreFailed
        {
            ScoreId = ids[^1], Stage = PipelineStage.Embedding, Code = "model.input", Reason = "too long", ModelVersion = "2.0.0",
        });

        await Eventually.TrueAsync(async () => (await VersionsAsync()).ServingVersion == "2.0.0", "version 2 serving", Wait);
        var switched = await VersionsAsync();
        Assert.Equal("retired", switched.Versions.Single(v => v.ModelVersion == "1.0.0").State);
        Assert.Equal("2.0.0", await ServedVersionAsync(v2.Next()));
        var table = (await database.Versions.FindAsync("2.0.0", default))!.TableName;
        Assert.Equal(1, await database.ScalarAsync<long>($"SELECT count(*) FROM pg_indexes WHERE indexname = '{table}_hnsw'"));
        Assert.Equal("too long", await database.ScalarAsync<string>($"SELECT reason FROM index_failures WHERE score_id = '{ids[^1]}'"));

        // The retired version still answers when asked for by name (pages of searches begun before the switch).
        var pinned = new NearestRequest { K = 3, ModelVersion = "1.0.0", Tenants = { Tenants.Default } };
        pinned.Vector.AddRange(v1.Next());
        Assert.Equal(3, (await client.NearestAsync(pinned)).Hits.Count);
    }
}
