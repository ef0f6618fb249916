using Clamp.Contracts.Messages;
using Clamp.ServiceDefaults;
using Clamp.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Clamp.Platform.IntegrationTests;

/// <summary>The service defaults' MassTransit bus really carries a pipeline message through RabbitMQ.</summary>
public sealed class MessageBusRoundTripTests(IsolatedInfrastructure infrastructure) : IClassFixture<IsolatedInfrastructure>
{
    [Fact]
    public async Task A_published_score_failed_message_reaches_its_consumer_through_RabbitMQ()
    {
        var received = new TaskCompletionSource<ScoreFailed>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(infrastructure.ServiceConfiguration());
        builder.Configuration["RabbitMq:QueuePrefix"] = "roundtrip";
        builder.Services.AddSingleton(received);
        builder.AddMessageBus(bus => bus.AddConsumer<RecordingConsumer>());

        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var sent = new ScoreFailed
            {
                ScoreId = Guid.NewGuid(),
                Stage = PipelineStage.Patching,
                Code = "abc.no-body",
                Reason = "tune 1: the tune has no music after K:",
            };
            await host.Services.GetRequiredService<IBus>().Publish(sent);

            var got = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(sent, got);

            // The consumer's queue, named after the service and the consumer, is in this test's own virtual host.
            var queues = await infrastructure.Platform.GetQueuesAsync(infrastructure.VirtualHost);
            Assert.Contains(queues, q => q.Name == "roundtrip-recording");
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private sealed class RecordingConsumer(TaskCompletionSource<ScoreFailed> received) : IConsumer<ScoreFailed>
    {
        public Task Consume(ConsumeContext<ScoreFailed> context)
        {
            received.TrySetResult(context.Message);
            return Task.CompletedTask;
        }
    }
}
