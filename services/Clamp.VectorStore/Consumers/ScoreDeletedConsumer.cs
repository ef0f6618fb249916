using Clamp.Contracts.Messages;
using Clamp.VectorStore.Keywords;
using Clamp.VectorStore.Storage;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Clamp.VectorStore.Consumers;

/// <summary>Drops a deleted score from every model version and from keyword search (deleting what is gone changes nothing).</summary>
public sealed class ScoreDeletedConsumer(ModelVersionRepository versions, EmbeddingWriter writer, ScoreDocumentWriter documents)
    : IConsumer<ScoreDeleted>
{
    public async Task Consume(ConsumeContext<ScoreDeleted> context)
    {
        foreach (var version in await versions.ListAsync(context.CancellationToken))
            await writer.DeleteAsync(version, [context.Message.ScoreId], context.CancellationToken);
        await documents.DeleteAsync([context.Message.ScoreId], context.CancellationToken);
    }
}

public sealed class ScoreDeletedConsumerDefinition(IOptions<VectorStoreOptions> options)
    : VectorStoreConsumerDefinition<ScoreDeletedConsumer>("score-deleted", options);
