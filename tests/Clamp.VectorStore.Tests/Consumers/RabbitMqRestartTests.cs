using Clamp.Contracts.Messages;
using Clamp.Testing;
using Clamp.VectorStore.Tests.Support;
using MassTransit;

namespace Clamp.VectorStore.Tests.Consumers;

/// <summary>
/// RabbitMQ restarts while scores are being indexed: durable queues keep the unacknowledged messages, MassTransit
/// reconnects, and every score ends up indexed exactly once. (This restarts the shared test RabbitMQ.)
/// </summary>
[Collection(RestartsInfrastructure.Name)]
[Trait("Category", "Disruptive")]
public sealed class RabbitMqRestartTests(IsolatedInfrastructure infrastructure) : IClassFixture<IsolatedInfrastructure>
{
    private const int Scores = 2000;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Every_score_is_indexed_once_when_RabbitMQ_restarts_mid_stream()
    {
        await using var host = await VectorStoreTestHost.StartAsync(infrastructure, new Dictionary<string, string?>
        {
            ["VectorStore:RetryLimit"] = "20",
            ["VectorStore:RetryMaxIntervalMs"] = "2000",
            ["VectorStore:BatchSize"] = "20",
            ["VectorStore:BatchConcurrency"] = "1",
        });
        var database = new VectorStoreDatabase(host.Services);
        var vectors = new UnitVectors(16, 11);
        var messages = Enumerable.Range(0, Scores).Select(_ => Embedded.Score(Guid.NewGuid(), vectors.Next())).ToList();
        await using (var publisher = await new MessageProbe(infrastructure.Platform.RabbitMq, infrastructure.VirtualHost).StartAsync())
            await publisher.Bus.PublishBatch(messages);
        await Eventually.TrueAsync(async () => await database.CountRowsAsync("1.0.0") >= 200, "indexing under way", Wait);

        var rowsBeforeRestart = await database.CountRowsAsync("1.0.0");
        await infrastructure.Platform.RestartRabbitMqAsync();

        await Eventually.TrueAsync(async () => await database.CountRowsAsync("1.0.0") == Scores, "every score stored", Wait);
        Assert.True(rowsBeforeRestart < Scores, $"the restart began mid-stream ({rowsBeforeRestart} of {Scores} stored)");
        Assert.Equal(Scores, (await database.Versions.FindAsync("1.0.0", default))!.Indexed);
        var queues = await infrastructure.Platform.GetQueuesAsync(infrastructure.VirtualHost);
        Assert.DoesNotContain(queues, q => q.Name.EndsWith("_error", StringComparison.Ordinal) && q.Messages > 0);
    }
}
