using Clamp.ServiceDefaults;
using MassTransit;

namespace Clamp.Ingest;

/// <summary>Every ingest consumer: retries with exponential backoff, then the "_error" queue.</summary>
internal sealed class RetryingConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer> where TConsumer : class, IConsumer
{
    public RetryingConsumerDefinition() => ConcurrentMessageLimit = 16;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UsePipelineRetry(context);
}
