using Clamp.Contracts.Messages;
using Clamp.Embedding.Diagnostics;
using Clamp.Embedding.Models;
using Clamp.Inference.Encoders;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Clamp.Embedding.Messaging;

/// <summary>
/// Embeds batches of patched scores with every served model version (or the one a re-index targets) and publishes
/// "score embedded" per score and version, or "score failed" with the reason when a score does not fit a model.
/// The scores of concurrent consumer batches meet in the models' dynamic batchers. A failure that is not the
/// input's (ONNX Runtime, a model unloaded mid-way) fails the batch so that it is retried.
/// </summary>
public sealed class ScorePatchedConsumer(ModelRegistry registry, EmbeddingMetrics metrics, IOptions<EmbeddingOptions> options)
    : IConsumer<Batch<ScorePatched>>
{
    public async Task Consume(ConsumeContext<Batch<ScorePatched>> context)
    {
        await registry.WaitForAnyAsync(TimeSpan.FromSeconds(options.Value.ModelWaitSeconds), context.CancellationToken);
        await Task.WhenAll(context.Message.Select(message => EmbedAsync(context, message.Message)));
    }

    private async Task EmbedAsync(ConsumeContext context, ScorePatched score)
    {
        IReadOnlyList<ServedModel> models = registry.Models;
        if (score.TargetModelVersion is { Length: > 0 } target)
        {
            if (!registry.TryGet(target, out var targeted))
            {
                await FailAsync(context, score, ModelNotLoadedException.Code,
                    $"Model version '{target}' is not loaded by the embedding service.", target);
                return;
            }

            models = [targeted];
        }
        else if (models.Count == 0)
        {
            // Every version was unloaded since the batch started: give the message back rather than drop it.
            throw new ModelNotLoadedException("No model version is loaded: the score is retried.");
        }

        await Task.WhenAll(models.Select(model => EmbedWithAsync(context, score, model)));
    }

    private async Task EmbedWithAsync(ConsumeContext context, ScorePatched score, ServedModel model)
    {
        float[] embedding;
        try
        {
            embedding = await model.EmbedQueuedScoreAsync(score.PatchScheme, score.PatchLength, score.PatchCount, score.Patches, score.MusicText, context.CancellationToken);
        }
        catch (InvalidPatchesException ex)
        {
            await FailAsync(context, score, ex.Code, ex.Message, model.Version);
            return;
        }

        await context.Publish(new ScoreEmbedded
        {
            ScoreId = score.ScoreId,
            ContentHash = score.ContentHash,
            ModelId = model.ModelId,
            ModelVersion = model.Version,
            Embedding = embedding,
            Metadata = score.Metadata,
            Tenant = score.Tenant,
            PatchCount = Math.Min(score.PatchCount, model.Model.Manifest.MaxPatches),
        }, context.CancellationToken);
    }

    private Task FailAsync(ConsumeContext context, ScorePatched score, string code, string reason, string? version)
    {
        metrics.Failed(code, ServedModel.MusicModality);
        return context.Publish(new ScoreFailed
        {
            ScoreId = score.ScoreId,
            Stage = PipelineStage.Embedding,
            Code = code,
            Reason = reason,
            ModelVersion = version,
        }, context.CancellationToken);
    }
}
