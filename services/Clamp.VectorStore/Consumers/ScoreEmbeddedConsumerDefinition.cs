using MassTransit;
using Microsoft.Extensions.Options;

namespace Clamp.VectorStore.Consumers;

/// <summary>Batches of up to <see cref="VectorStoreOptions.BatchSize"/> messages, a few batches at a time.</summary>
public sealed class ScoreEmbeddedConsumerDefinition(IOptions<VectorStoreOptions> options)
    : VectorStoreConsumerDefinition<ScoreEmbeddedConsumer>("score-embedded", options)
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ScoreEmbeddedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        base.ConfigureConsumer(endpointConfigurator, consumerConfigurator, context);
        var inFlight = Options.BatchSize * Options.BatchConcurrency;
        endpointConfigurator.ConcurrentMessageLimit = inFlight;
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
            rabbit.PrefetchCount = inFlight;
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(Options.BatchSize)
            .SetTimeLimit(TimeSpan.FromMilliseconds(Options.BatchTimeLimitMs))
            .SetConcurrencyLimit(Options.BatchConcurrency));
    }
}
