using MassTransit;
using Clamp.Contracts.Messages;
using Clamp.Testing;
using Clamp.VectorStore.Tests.Support;

namespace Clamp.VectorStore.Tests.Consumers;

/// <summary>
/// PostgreSQL restarts while scores are being indexed: the failing batches are retried with backoff and every
/// score ends up indexed exactly once. (This restarts the shared test PostgreSQL; it is back within seconds.)
/// </summary>
[Collection(RestartsInfrastructure.Name)]
[Trait("Category", "Disruptive")]
public sealed class PostgresRestartTests(IsolatedInfrastructure infrastructure) : IClassFixture<IsolatedInfrastructure>, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const int Scores = 2000;
    private InProcessGrpcHost host = null!;
    private MessageProbe bus = null!;
    private VectorStoreDatabase database = null!;

    public async Task InitializeAsync()
    {
        // Generous retries: the restart takes a few seconds and every batch in flight must survive it.
        host = await VectorStoreTestHost.StartAsync(infrastructure, new Dictionary<string, string?>
        {
            ["VectorStore:RetryLimit"] = "20",
            ["VectorStore:RetryMinIntervalMs"] = "250",
            ["VectorStore:RetryMaxIntervalMs"] = "2000",
            ["VectorStore:BatchSize"] = "20",
        });
        bus = await new MessageProbe(infrastructure.Platform.RabbitMq, infrastructure.VirtualHost)
            .Record<ScoreIndexed>().Record<ScoreFailed>().StartAsync();
        database = new VectorStoreDatabase(host.Services);
    }

    public async Task DisposeAsync()
    {
        await bus.DisposeAsync();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Every_score_is_indexed_once_when_PostgreSQL_restarts_mid_stream()
    {
        var vectors = new UnitVectors(16, 5);
        var messages = Enumerable.Range(0, Scores).Select(_ => Embedded.Score(Guid.NewGuid(), vectors.Next())).ToList();
        await bus.Bus.PublishBatch(messages);
        await Eventually.TrueAsync(() => Task.FromResult(bus.Received<ScoreIndexed>().Count >= 100), "indexing under way", Wait);

        await infrastructure.Platform.RestartPostgresAsync();
        var indexedAcrossRestart = bus.Received<ScoreIndexed>().Count;

        await Eventually.TrueAsync(async () =>
        {
            try { return await database.CountRowsAsync("1.0.0") == Scores; }
            catch (Npgsql.NpgsqlException) { return false; }
        }, "every score indexed", TimeSpan.FromSeconds(120));
        Assert.True(indexedAcrossRestart < Scores, $"the restart interrupted indexing ({indexedAcrossRestart} of {Scores} done when PostgreSQL was back)");
        Assert.Equal(Scores, (await database.Versions.FindAsync("1.0.0", default))!.Indexed);
        await IndexedOnce.AssertAsync(infrastructure, bus, messages);
    }
}
