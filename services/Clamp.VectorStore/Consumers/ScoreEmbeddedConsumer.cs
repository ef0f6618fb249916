using Clamp.Contracts.Messages;
using Clamp.VectorStore.Keywords;
using Clamp.VectorStore.Storage;
using Clamp.VectorStore.Versions;
using MassTransit;

namespace Clamp.VectorStore.Consumers;

/// <summary>
/// Stores embedded scores, a batch at a time: one COPY and one upsert per model version in the batch, the scores'
/// keyword documents (one per score, whatever the version), then "score indexed" per score. A rejected embedding (wrong dimension, not normalised …) fails that score with a
/// reason and lets the rest of the batch through. Delivering a message twice changes nothing; a database
/// error fails the batch, which is retried with backoff (<see cref="ScoreEmbeddedConsumerDefinition"/>).
/// </summary>
public sealed class ScoreEmbeddedConsumer(
    ModelVersionRepository versions,
    EmbeddingWriter writer,
    ScoreDocumentWriter documents,
    VersionPromoter promoter,
    ILogger<ScoreEmbeddedConsumer> logger) : IConsumer<Batch<ScoreEmbedded>>
{
    public async Task Consume(ConsumeContext<Batch<ScoreEmbedded>> context)
    {
        var cancellationToken = context.CancellationToken;
        foreach (var group in context.Message.Select(m => m.Message).GroupBy(m => m.ModelVersion))
        {
            var messages = group.ToList();
            var version = await FindOrRegisterAsync(messages, cancellationToken);
            var accepted = new List<ScoreEmbedded>(messages.Count);
            foreach (var message in messages)
            {
                var rejection = version is null
                    ? new EmbeddingRejection("embedding.dimension", "The embedding is empty.")
                    : EmbeddingValidator.Check(message, version);
                if (rejection is null) accepted.Add(message);
                else await FailAsync(context, message, rejection);
            }
            if (version is null) continue;

            var added = await writer.UpsertAsync(version, accepted.Select(EmbeddingRows.From).ToList(), cancellationToken);
            await documents.UpsertAsync(accepted.Select(ScoreDocuments.From).ToList(), cancellationToken);
            await context.PublishBatch(accepted.Select(m => new ScoreIndexed
            {
                ScoreId = m.ScoreId,
                ModelId = m.ModelId,
                ModelVersion = m.ModelVersion,
            }), cancellationToken);
            logger.LogDebug("Indexed {Count} scores ({Added} new) for model version {ModelVersion}",
                accepted.Count, added, version.ModelVersion);
            if (version.State == ModelVersionStates.Building)
                await promoter.TryPromoteAsync(version.ModelVersion, cancellationToken);
        }
    }

    private async Task<ModelVersionRecord?> FindOrRegisterAsync(IReadOnlyList<ScoreEmbedded> messages, CancellationToken cancellationToken)
    {
        var first = messages[0];
        var known = await versions.FindAsync(first.ModelVersion, cancellationToken);
        if (known is not null) return known;
        // A version seen first through its embeddings: its dimension is that of the first non-empty one.
        var sample = messages.FirstOrDefault(m => m.Embedding is { Length: > 0 });
        return sample is null
            ? null
            : await versions.EnsureAsync(sample.ModelId, sample.ModelVersion, sample.Embedding.Length, cancellationToken);
    }

    private async Task FailAsync(ConsumeContext context, ScoreEmbedded message, EmbeddingRejection rejection)
    {
        logger.LogWarning("Score {ScoreId} cannot be indexed for {ModelVersion}: {Reason}",
            message.ScoreId, message.ModelVersion, rejection.Reason);
        if (await versions.FindAsync(message.ModelVersion, context.CancellationToken) is not null)
            await versions.RecordFailureAsync(message.ModelVersion, message.ScoreId, rejection.Code, rejection.Reason, context.CancellationToken);
        await context.Publish(new ScoreFailed
        {
            ScoreId = message.ScoreId,
            Stage = PipelineStage.Indexing,
            Code = rejection.Code,
            Reason = rejection.Reason,
            ModelVersion = message.ModelVersion,
        }, context.CancellationToken);
    }
}
