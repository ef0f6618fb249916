using System.Collections.Concurrent;
using Clamp.Contracts.Messages;
using Clamp.Testing;
using MassTransit;

namespace Clamp.VectorStore.Tests.Support;

/// <summary>
/// A second, independent MassTransit bus on the fixture's virtual host: it publishes what the upstream services
/// would, and records what the vector store publishes (score indexed / failed) from its own queue.
/// </summary>
public sealed class PipelineBus : IAsyncDisposable
{
    private readonly IBusControl bus;

    private PipelineBus(IBusControl bus) => this.bus = bus;

    public ConcurrentQueue<ScoreIndexed> Indexed { get; } = new();
    public ConcurrentQueue<ScoreFailed> Failed { get; } = new();

    public static async Task<PipelineBus> StartAsync(IsolatedInfrastructure infrastructure)
    {
        PipelineBus? observer = null;
        var rabbit = infrastructure.Platform.RabbitMq;
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(rabbit.Host, (ushort)rabbit.Port, infrastructure.VirtualHost, host =>
            {
                host.Username(rabbit.Username);
                host.Password(rabbit.Password);
            });
            cfg.ReceiveEndpoint("test-observer", endpoint =>
            {
                endpoint.Handler<ScoreIndexed>(context => Record(observer!.Indexed, context.Message));
                endpoint.Handler<ScoreFailed>(context => Record(observer!.Failed, context.Message));
            });
        });
        observer = new PipelineBus(bus);
        await bus.StartAsync();
        return observer;
    }

    public Task PublishAsync<T>(T message) where T : class => bus.Publish(message);

    public Task PublishBatchAsync<T>(IEnumerable<T> messages) where T : class => bus.PublishBatch(messages);

    private static Task Record<T>(ConcurrentQueue<T> queue, T message)
    {
        queue.Enqueue(message);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await bus.StopAsync();
}
