using MassTransit;
using Microsoft.Extensions.Options;

namespace Clamp.Embedding.Messaging;

/// <summary>
/// The "score patched" endpoint: consumer batches of <see cref="EmbeddingOptions.ConsumerBatchSize"/> messages or
/// <see cref="EmbeddingOptions.ConsumerBatchTimeLimitMs"/>, <see cref="EmbeddingOptions.ConsumerConcurrency"/> batches
/// at a time, prefetch from the options (at least enough to fill those batches), and retries with growing intervals.
/// </summary>
public sealed class ScorePatchedConsumerDefinition : ConsumerDefinition<ScorePatchedConsumer>
{
    private readonly EmbeddingOptions _options;

    public ScorePatchedConsumerDefinition(IOptions<EmbeddingOptions> options)
    {
        _options = options.Value;
        ConcurrentMessageLimit = InFlight;
    }

    private int InFlight => _options.ConsumerBatchSize * _options.ConsumerConcurrency;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ScorePatchedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = Math.Max(_options.Prefetch, InFlight);
        endpointConfigurator.UseMessageRetry(retry => retry.Incremental(
            _options.RetryCount, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500)));
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(_options.ConsumerBatchSize)
            .SetTimeLimit(TimeSpan.FromMilliseconds(_options.ConsumerBatchTimeLimitMs))
            .SetConcurrencyLimit(_options.ConsumerConcurrency));
    }
}
