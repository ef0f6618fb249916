using Clamp.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Clamp.Ingest;

/// <summary>
/// Every ingest consumer: its own queue named "{Ingest:EndpointPrefix}-{consumer}" (so no other service's consumer
/// of the same message shares it), retries with exponential backoff, then the "_error" queue.
/// </summary>
internal sealed class RetryingConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer> where TConsumer : class, IConsumer
{
    public RetryingConsumerDefinition(IOptions<IngestOptions> options)
    {
        EndpointName = new KebabCaseEndpointNameFormatter(options.Value.EndpointPrefix + "-", includeNamespace: false).Consumer<TConsumer>();
        ConcurrentMessageLimit = 16;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UsePipelineRetry(context);
}
