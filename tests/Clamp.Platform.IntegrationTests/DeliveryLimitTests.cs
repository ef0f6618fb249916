using Clamp.Contracts.Messages;
using Clamp.ServiceDefaults;
using Clamp.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Clamp.Platform.IntegrationTests;

/// <summary>
/// The service defaults' delivery limit: a message whose consumer's process dies while holding it (here the broker
/// loses the consumer's connection each time it holds it, as when the process is killed) is delivered at most
/// RabbitMq:DeliveryLimit + 1 times and then waits in the queue's "_error" queue, instead of killing every consumer
/// that takes it for ever; scripts/redrive.sh moves it back. Queues an older version declared classic are migrated
/// by scripts/migrate-queues.sh.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class DeliveryLimitTests(IsolatedInfrastructure infrastructure) : IClassFixture<IsolatedInfrastructure>
{
    private const int Limit = 2;
    private const string Queue = "poison-holding";

    [Fact]
    public async Task A_message_that_takes_its_consumer_down_every_time_ends_in_the_error_queue_after_the_delivery_limit()
    {
        var deliveries = new Deliveries();
        using var host = await StartAsync(deliveries, Limit);
        try
        {
            await host.Services.GetRequiredService<IBus>().Publish(Poison());

            var connectionsClosedAt = 0;
            await Eventually.TrueAsync(async () =>
            {
                if (deliveries.Count > connectionsClosedAt && await infrastructure.Platform.CloseConnectionsAsync(infrastructure.VirtualHost) > 0)
                {
                    connectionsClosedAt = deliveries.Count;
                    deliveries.Release();
                }
                return (await QueueAsync(Queue + "_error"))?.Messages == 1;
            }, () => $"the message is not in {Queue}_error after {deliveries.Count} deliveries", TimeSpan.FromSeconds(120));

            Assert.Equal(Limit + 1, deliveries.Count);
            Assert.Equal("quorum", (await QueueAsync(Queue))!.Type);
            // The queue's own count follows a moment later.
            await Eventually.TrueAsync(async () => (await QueueAsync(Queue))!.Messages == 0, $"{Queue} still holds the message", TimeSpan.FromSeconds(30));

            // Redriven (the cause fixed), it is delivered once more and this time consumed.
            Assert.Contains($"moved 1 message(s) from {Queue}_error to {Queue}",
                await RedriveScript.RunAsync(infrastructure.Platform, infrastructure.VirtualHost, Queue + "_error"));
            await Eventually.TrueAsync(() => deliveries.Count == Limit + 2, "the redriven message was not delivered", TimeSpan.FromSeconds(30));
            deliveries.Release();
            await Eventually.TrueAsync(async () => (await QueueAsync(Queue))!.Messages == 0 && (await QueueAsync(Queue + "_error"))!.Messages == 0,
                "the redriven message was not consumed", TimeSpan.FromSeconds(30));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_classic_queue_of_an_older_version_is_replaced_by_a_quorum_queue_once_it_is_empty()
    {
        const string queue = "legacy-holding";
        var deliveries = new Deliveries();
        using (var old = await StartAsync(deliveries, deliveryLimit: 0, prefix: "legacy"))
            await old.StopAsync();
        Assert.Equal("classic", (await QueueAsync(queue))!.Type);

        // While it holds a message, the queue is left as it is.
        await PublishToQueueAsync(queue);
        var (refused, refusal) = await BrokerScripts.RunAsync(infrastructure.Platform, "migrate-queues.sh", "--vhost", infrastructure.VirtualHost);
        Assert.Equal(1, refused);
        Assert.Contains($"{queue}: classic, 1 message(s), 0 consumer(s): left as it is", refusal);

        await PurgeAsync(queue);
        var (migrated, output) = await BrokerScripts.RunAsync(infrastructure.Platform, "migrate-queues.sh", "--vhost", infrastructure.VirtualHost);
        Assert.True(migrated == 0, output);
        Assert.Contains($"{queue}: classic and empty: deleted", output);

        using var current = await StartAsync(deliveries, Limit, prefix: "legacy");
        try
        {
            Assert.Equal("quorum", (await QueueAsync(queue))!.Type);
            await current.Services.GetRequiredService<IBus>().Publish(Poison());
            await Eventually.TrueAsync(() => deliveries.Count == 1, "the new queue does not deliver", TimeSpan.FromSeconds(30));
            deliveries.Release();
        }
        finally
        {
            await current.StopAsync();
        }
    }

    private async Task<IHost> StartAsync(Deliveries deliveries, int deliveryLimit, string prefix = "poison")
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(infrastructure.ServiceConfiguration());
        builder.Configuration["RabbitMq:QueuePrefix"] = prefix;
        builder.Configuration["RabbitMq:DeliveryLimit"] = deliveryLimit.ToString();
        builder.Services.AddSingleton(deliveries);
        builder.AddMessageBus(bus => bus.AddConsumer<HoldingConsumer>());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static ScoreFailed Poison() => new() { ScoreId = Guid.NewGuid(), Stage = PipelineStage.Patching, Code = "poison", Reason = "takes its consumer down" };

    private async Task PublishToQueueAsync(string queue)
    {
        var probe = await new MessageProbe(infrastructure.Platform.RabbitMq, infrastructure.VirtualHost).StartAsync();
        await using (probe)
        {
            var endpoint = await probe.Bus.GetSendEndpoint(new Uri($"queue:{queue}"));
            await endpoint.Send(Poison());
        }
        await Eventually.TrueAsync(async () => (await QueueAsync(queue))!.Messages == 1, $"{queue} did not get the message", TimeSpan.FromSeconds(30));
    }

    private async Task PurgeAsync(string queue)
    {
        await infrastructure.Platform.PurgeQueueAsync(infrastructure.VirtualHost, queue);
        await Eventually.TrueAsync(async () => (await QueueAsync(queue))!.Messages == 0, $"{queue} was not purged", TimeSpan.FromSeconds(30));
    }

    private async Task<QueueInfo?> QueueAsync(string name) =>
        (await infrastructure.Platform.GetQueuesAsync(infrastructure.VirtualHost)).SingleOrDefault(q => q.Name == name);

    /// <summary>How often the consumer took the message; lets the one holding it go once its connection is gone.</summary>
    private sealed class Deliveries
    {
        private int _count;
        private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count => Volatile.Read(ref _count);

        public Task HoldAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref _count);
            return Volatile.Read(ref _released).Task.WaitAsync(ct);
        }

        public void Release() =>
            Interlocked.Exchange(ref _released, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Takes the message and holds it until the test lets it go: after the test has cut its connection, its
    /// acknowledgement never reaches the broker, as when the consumer's process dies mid-message.</summary>
    private sealed class HoldingConsumer(Deliveries deliveries) : IConsumer<ScoreFailed>
    {
        public Task Consume(ConsumeContext<ScoreFailed> context) => deliveries.HoldAsync(context.CancellationToken);
    }
}
