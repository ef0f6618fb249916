using Clamp.Contracts.Messages;
using Clamp.VectorStore.Storage;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Clamp.VectorStore.Consumers;

/// <summary>
/// Registers a published model version and creates its table: the first version serves at once; a later one
/// is built while the re-index job re-embeds the stored scores, and serves once complete.
/// </summary>
public sealed class ModelPublishedConsumer(ModelVersionRepository versions, ILogger<ModelPublishedConsumer> logger)
    : IConsumer<ModelPublished>
{
    public async Task Consume(ConsumeContext<ModelPublished> context)
    {
        var message = context.Message;
        if (message.EmbeddingDim is < 1 or > 16000)
        {
            logger.LogError("Model version {ModelVersion} has an impossible embedding dimension {Dimension}; ignored",
                message.ModelVersion, message.EmbeddingDim);
            return;
        }
        var version = await versions.EnsureAsync(message.ModelId, message.ModelVersion, message.EmbeddingDim, context.CancellationToken);
        if (version.ModelId != message.ModelId || version.Dimension != message.EmbeddingDim)
            logger.LogError("Model version {ModelVersion} is already registered as {ModelId} with {Dimension} dimensions; the new announcement is ignored",
                version.ModelVersion, version.ModelId, version.Dimension);
        else
            logger.LogInformation("Model version {ModelVersion} of {ModelId} is {State}", version.ModelVersion, version.ModelId, version.State);
    }
}

public sealed class ModelPublishedConsumerDefinition(IOptions<VectorStoreOptions> options)
    : VectorStoreConsumerDefinition<ModelPublishedConsumer>("model-published", options);
