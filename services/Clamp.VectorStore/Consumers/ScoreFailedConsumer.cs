using Clamp.Contracts.Messages;
using Clamp.VectorStore.Storage;
using Clamp.VectorStore.Versions;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Clamp.VectorStore.Consumers;

/// <summary>
/// Counts scores that failed for a model version (e.g. the embedding service rejected them), so a version being
/// built completes when every stored score is indexed or failed with a reason. Counted once per score.
/// </summary>
public sealed class ScoreFailedConsumer(ModelVersionRepository versions, VersionPromoter promoter) : IConsumer<ScoreFailed>
{
    public async Task Consume(ConsumeContext<ScoreFailed> context)
    {
        var message = context.Message;
        if (string.IsNullOrEmpty(message.ModelVersion)) return;
        var version = await versions.FindAsync(message.ModelVersion, context.CancellationToken);
        if (version is null) return;
        await versions.RecordFailureAsync(version.ModelVersion, message.ScoreId, message.Code, message.Reason, context.CancellationToken);
        if (version.State == ModelVersionStates.Building)
            await promoter.TryPromoteAsync(version.ModelVersion, context.CancellationToken);
    }
}

public sealed class ScoreFailedConsumerDefinition(IOptions<VectorStoreOptions> options)
    : VectorStoreConsumerDefinition<ScoreFailedConsumer>("score-failed", options);
