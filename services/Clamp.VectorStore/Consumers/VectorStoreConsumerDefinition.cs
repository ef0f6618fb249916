using MassTransit;
using Microsoft.Extensions.Options;

namespace Clamp.VectorStore.Consumers;

/// <summary>
/// What every vector-store consumer shares: its own queue ("vector-store-…", so other services get their own
/// copies of the same events) and retries with exponential backoff for transient failures (PostgreSQL
/// restarting, a lock timeout). A message that still fails goes to the queue's "_error" queue.
/// </summary>
public abstract class VectorStoreConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected VectorStoreConsumerDefinition(string queue, IOptions<VectorStoreOptions> options)
    {
        EndpointName = "vector-store-" + queue;
        Options = options.Value;
    }

    protected VectorStoreOptions Options { get; }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(
            Options.RetryLimit,
            TimeSpan.FromMilliseconds(Options.RetryMinIntervalMs),
            TimeSpan.FromMilliseconds(Options.RetryMaxIntervalMs),
            TimeSpan.FromMilliseconds(Options.RetryMinIntervalMs)));
    }
}
