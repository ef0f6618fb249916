using MassTransit;
using System.Text;
using Clamp.Contracts.Messages;
using Clamp.Testing;
using Clamp.VectorStore.Tests.Support;
using RabbitMQ.Client;

namespace Clamp.VectorStore.Tests.Consumers;

/// <summary>The "score embedded" consumer over real RabbitMQ and PostgreSQL.</summary>
public sealed class ScoreEmbeddedConsumerTests(IsolatedInfrastructure infrastructure) : IClassFixture<IsolatedInfrastructure>, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const int Dimension = 16;
    private const string Version = "1.0.0";
    private readonly UnitVectors vectors = new(Dimension, seed: 3);
    private InProcessGrpcHost host = null!;
    private MessageProbe bus = null!;
    private VectorStoreDatabase database = null!;

    public async Task InitializeAsync()
    {
        host = await VectorStoreTestHost.StartAsync(infrastructure);
        bus = await new MessageProbe(infrastructure.Platform.RabbitMq, infrastructure.VirtualHost)
            .Record<ScoreIndexed>().Record<ScoreFailed>().StartAsync();
        database = new VectorStoreDatabase(host.Services);
    }

    public async Task DisposeAsync()
    {
        await bus.DisposeAsync();
        await host.DisposeAsync();
    }

    private Task WaitForIndexedAsync(Guid scoreId, int times) => Eventually.TrueAsync(
        () => Task.FromResult(bus.Received<ScoreIndexed>().Count(m => m.ScoreId == scoreId) >= times), $"{times} × score indexed for {scoreId}", Wait);

    [Fact]
    public async Task A_message_delivered_twice_is_stored_once_and_not_rewritten()
    {
        var message = Embedded.Score(Guid.NewGuid(), vectors.Next(), Version);
        await bus.Bus.Publish(message);
        await WaitForIndexedAsync(message.ScoreId, 1);
        var table = (await database.Versions.FindAsync(Version, default))!.TableName;
        var writtenAt = await database.ScalarAsync<DateTime>($"SELECT updated_at FROM {table} WHERE score_id = '{message.ScoreId}'");
        var indexedBefore = (await database.Versions.FindAsync(Version, default))!.Indexed;

        await bus.Bus.Publish(message);
        await WaitForIndexedAsync(message.ScoreId, 2);

        Assert.Equal(1, await database.CountRowsAsync(Version, message.ScoreId));
        Assert.Equal(writtenAt, await database.ScalarAsync<DateTime>($"SELECT updated_at FROM {table} WHERE score_id = '{message.ScoreId}'"));
        var version = (await database.Versions.FindAsync(Version, default))!;
        Assert.Equal(indexedBefore, version.Indexed);
        Assert.Equal(await database.CountRowsAsync(Version), version.Indexed);
    }

    [Fact]
    public async Task Each_score_is_stored_with_the_tenant_its_message_carries_and_an_old_message_with_the_default_one()
    {
        var ofBeta = Embedded.Score(Guid.NewGuid(), vectors.Next(), Version) with { Tenant = "beta" };
        var old = Embedded.Score(Guid.NewGuid(), vectors.Next(), Version);
        await bus.Bus.PublishBatch([ofBeta, old]);
        await WaitForIndexedAsync(ofBeta.ScoreId, 1);
        await WaitForIndexedAsync(old.ScoreId, 1);
        var table = (await database.Versions.FindAsync(Version, default))!.TableName;

        Assert.Equal("beta", await database.ScalarAsync<string>($"SELECT tenant FROM {table} WHERE score_id = '{ofBeta.ScoreId}'"));
        Assert.Equal("beta", await database.ScalarAsync<string>($"SELECT tenant FROM score_documents WHERE score_id = '{ofBeta.ScoreId}'"));
        Assert.Equal(Tenants.Default, await database.ScalarAsync<string>($"SELECT tenant FROM {table} WHERE score_id = '{old.ScoreId}'"));
    }

    [Fact]
    public async Task A_changed_score_is_updated_in_place()
    {
        var scoreId = Guid.NewGuid();
        await bus.Bus.Publish(Embedded.Score(scoreId, vectors.Next(), Version, new ScoreMetadata { Title = "Old title", Key = "D major" }));
        await WaitForIndexedAsync(scoreId, 1);
        await bus.Bus.Publish(Embedded.Score(scoreId, vectors.Next(), Version, new ScoreMetadata { Title = "New title", Key = "G major", Tags = ["x"] }));
        await WaitForIndexedAsync(scoreId, 2);

        var table = (await database.Versions.FindAsync(Version, default))!.TableName;
        Assert.Equal(1, await database.CountRowsAsync(Version, scoreId));
        Assert.Equal("New title", await database.ScalarAsync<string>($"SELECT title FROM {table} WHERE score_id = '{scoreId}'"));
        Assert.Equal("G major", await database.ScalarAsync<string>($"SELECT key FROM {table} WHERE score_id = '{scoreId}'"));
    }

    [Fact]
    public async Task A_bad_embedding_fails_with_a_reason_and_the_rest_of_the_batch_is_indexed()
    {
        var good = Enumerable.Range(0, 20).Select(_ => Embedded.Score(Guid.NewGuid(), vectors.Next(), Version)).ToList();
        var wrongDimension = Embedded.Score(Guid.NewGuid(), new UnitVectors(Dimension + 1, 1).Next(), Version);
        var notNormalised = Embedded.Score(Guid.NewGuid(), vectors.Next().Select(v => v * 3).ToArray(), Version);
        // The version must exist first, so that its dimension is the reference.
        await bus.Bus.Publish(good[0]);
        await WaitForIndexedAsync(good[0].ScoreId, 1);

        await bus.Bus.PublishBatch(good.Skip(1).Append(wrongDimension).Append(notNormalised));

        await Eventually.TrueAsync(() => Task.FromResult(bus.Received<ScoreFailed>().Count(f => f.ScoreId == wrongDimension.ScoreId || f.ScoreId == notNormalised.ScoreId) == 2), "two failures", Wait);
        foreach (var message in good) await WaitForIndexedAsync(message.ScoreId, 1);
        var dimensionFailure = bus.Received<ScoreFailed>().First(f => f.ScoreId == wrongDimension.ScoreId);
        Assert.Equal(PipelineStage.Indexing, dimensionFailure.Stage);
        Assert.Equal("embedding.dimension", dimensionFailure.Code);
        Assert.Contains("17 dimensions", dimensionFailure.Reason);
        Assert.Equal("embedding.not-normalised", bus.Received<ScoreFailed>().First(f => f.ScoreId == notNormalised.ScoreId).Code);
        Assert.Equal(0, await database.CountRowsAsync(Version, wrongDimension.ScoreId));
        Assert.Equal(0, await database.CountRowsAsync(Version, notNormalised.ScoreId));
        foreach (var message in good) Assert.Equal(1, await database.CountRowsAsync(Version, message.ScoreId));
        Assert.Equal(2, await database.ScalarAsync<long>(
            $"SELECT count(*) FROM index_failures WHERE score_id IN ('{wrongDimension.ScoreId}', '{notNormalised.ScoreId}')"));
    }

    [Fact]
    public async Task A_message_that_cannot_be_read_lands_in_the_error_queue_and_does_not_block_others()
    {
        // A MassTransit envelope whose message is not a ScoreEmbedded: the score id is no UUID, the embedding no array.
        await PublishRawAsync("vector-store-score-embedded", """
            {"messageId":"9f1d7a3e-0000-4000-8000-000000000001","messageType":["urn:message:Clamp.Contracts.Messages:ScoreEmbedded"],
             "message":{"scoreId":"not-a-uuid","contentHash":"x","modelId":"clamp-test","modelVersion":"1.0.0","embedding":"oops","metadata":{}}}
            """);
        var healthy = Embedded.Score(Guid.NewGuid(), vectors.Next(), Version);
        await bus.Bus.Publish(healthy);

        await Eventually.TrueAsync(async () =>
            (await infrastructure.Platform.GetQueuesAsync(infrastructure.VirtualHost))
                .Any(q => q.Name == "vector-store-score-embedded_error" && q.Messages == 1),
            "the poison message in vector-store-score-embedded_error", Wait);
        await WaitForIndexedAsync(healthy.ScoreId, 1);
        Assert.Equal(1, await database.CountRowsAsync(Version, healthy.ScoreId));
    }

    [Fact]
    public async Task A_message_redriven_from_the_error_queue_with_the_documented_script_is_indexed()
    {
        // A good message that failed earlier (say, PostgreSQL was down past the retries) waits in the error queue.
        var scoreId = Guid.NewGuid();
        var embedding = string.Join(",", vectors.Next().Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        await PublishRawAsync("", $$"""
            {"messageId":"{{Guid.NewGuid()}}","messageType":["urn:message:Clamp.Contracts.Messages:ScoreEmbedded"],
             "message":{"scoreId":"{{scoreId}}","contentHash":"h","modelId":"{{Embedded.ModelId}}","modelVersion":"{{Version}}",
                        "embedding":[{{embedding}}],"metadata":{"title":"Redriven"} } }
            """, routingKey: "vector-store-score-embedded_error", declareQueue: true);

        var redrive = await RunRedriveAsync("vector-store-score-embedded");

        Assert.Contains("moved 1 message(s)", redrive);
        await WaitForIndexedAsync(scoreId, 1);
        Assert.Equal(1, await database.CountRowsAsync(Version, scoreId));
    }

    private Task<string> RunRedriveAsync(string queue) =>
        RedriveScript.RunAsync(infrastructure.Platform, infrastructure.VirtualHost, queue + "_error", count: 1);

    /// <summary>Publishes a raw MassTransit JSON envelope with RabbitMQ.Client, bypassing MassTransit's serializer.</summary>
    private async Task PublishRawAsync(string exchange, string envelope, string routingKey = "", bool declareQueue = false)
    {
        var rabbit = infrastructure.Platform.RabbitMq;
        var factory = new ConnectionFactory
        {
            HostName = rabbit.Host, Port = rabbit.Port, VirtualHost = infrastructure.VirtualHost,
            UserName = rabbit.Username, Password = rabbit.Password,
        };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        if (declareQueue)
            await channel.QueueDeclareAsync(routingKey, durable: true, exclusive: false, autoDelete: false);
        await channel.BasicPublishAsync(exchange, routingKey, mandatory: false,
            new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true },
            Encoding.UTF8.GetBytes(envelope));
    }

    [Fact]
    public async Task A_deleted_score_leaves_every_version()
    {
        var scoreId = Guid.NewGuid();
        await bus.Bus.Publish(Embedded.Score(scoreId, vectors.Next(), Version));
        await bus.Bus.Publish(Embedded.Score(scoreId, vectors.Next(), "2.0.0-delete-test"));
        await Eventually.TrueAsync(async () =>
            await database.CountRowsAsync(Version, scoreId) == 1 && await database.CountRowsAsync("2.0.0-delete-test", scoreId) == 1,
            "the score in both versions", Wait);

        await bus.Bus.Publish(new ScoreDeleted { ScoreId = scoreId });

        await Eventually.TrueAsync(async () =>
            await database.CountRowsAsync(Version, scoreId) == 0 && await database.CountRowsAsync("2.0.0-delete-test", scoreId) == 0,
            "the score gone from both versions", Wait);
        var version = (await database.Versions.FindAsync(Version, default))!;
        Assert.Equal(await database.CountRowsAsync(Version), version.Indexed);
    }
}
