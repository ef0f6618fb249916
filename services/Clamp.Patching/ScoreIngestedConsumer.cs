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

/// <summary>The queue "{Patching:EndpointPrefix}-score-ingested", concurrency and retries with backoff.</summary>
internal sealed class ScoreIngestedConsumerDefinition : ConsumerDefinition<ScoreIngestedConsumer>
{
    private readonly IOptions<PatchingOptions> options;

    public ScoreIngestedConsumerDefinition(IOptions<PatchingOptions> options)
    {
        this.options = options;
        EndpointName = new KebabCaseEndpointNameFormatter(options.Value.EndpointPrefix + "-", includeNamespace: false).Consumer<ScoreIngestedConsumer>();
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ScoreIngestedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.ConcurrentMessageLimit = options.Value.ConcurrentMessageLimit;
        endpointConfigurator.UsePipelineRetry(context);
    }
}
