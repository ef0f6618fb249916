using Clamp.Contracts.Messages;
using Clamp.VectorStore.Storage;
using Clamp.VectorStore.Versions;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Clamp.VectorStore.Consumers;

/// <summary>
/// Takes the number of stored scores from the re-index job's progress: the count a building version must
/// reach (indexed or failed) before it serves.
/// </summary>
public sealed class ReindexProgressConsumer(ModelVersionRepository versions, VersionPromoter promoter)
    : IConsumer<ReindexProgress>
{
    public async Task Consume(ConsumeContext<ReindexProgress> context)
    {
        var message = context.Message;
        await versions.SetTargetAsync(message.ModelVersion, Math.Max(0, message.Total), context.CancellationToken);
        await promoter.TryPromoteAsync(message.ModelVersion, context.CancellationToken);
    }
}

public sealed class ReindexProgressConsumerDefinition(IOptions<VectorStoreOptions> options)
    : VectorStoreConsumerDefinition<ReindexProgressConsumer>("reindex-progress", options);
