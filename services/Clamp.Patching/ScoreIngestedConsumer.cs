using Clamp.Contracts.Messages;
using Clamp.ServiceDefaults;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Clamp.Patching;

/// <summary>
/// Patches each ingested score and publishes <see cref="ScorePatched"/>, or <see cref="ScoreFailed"/> (stage
/// Patching, with the code and reason) when it cannot be read. Idempotent: it keeps no state, and a repeated
/// delivery publishes the same result again, which every consumer downstream applies only once.
/// Unexpected errors are retried with backoff; then the message goes to the "_error" queue and
/// <c>Fault&lt;ScoreIngested&gt;</c> tells the ingest service, which marks the score failed.
/// </summary>
internal sealed class ScoreIngestedConsumer(ScorePatcher patcher) : IConsumer<ScoreIngested>
{
    public Task Consume(ConsumeContext<ScoreIngested> context)
    {
        var outcome = patcher.Patch(context.Message);
        return outcome.Patched is { } patched ? context.Publish(patched) : context.Publish(outcome.Failed!);
    }
}

internal sealed class ScoreIngestedConsumerDefinition(IOptions<PatchingOptions> options) : ConsumerDefinition<ScoreIngestedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ScoreIngestedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.ConcurrentMessageLimit = options.Value.ConcurrentMessageLimit;
        endpointConfigurator.UsePipelineRetry(context);
    }
}
