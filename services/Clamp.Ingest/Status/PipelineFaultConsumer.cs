using Clamp.Contracts.Messages;
using Clamp.Ingest.Storage;
using MassTransit;

namespace Clamp.Ingest.Status;

/// <summary>
/// A consumer of a later stage gave up on a message after all its retries (the message is now in that
/// consumer's "_error" queue). The score is marked failed with the exception as its reason, so no score
/// stays "received" for ever; redriving the message later can still move it on (see docs/operations.md).
/// </summary>
internal sealed class PipelineFaultConsumer(ScoreStatusRepository scores) :
    IConsumer<Fault<ScoreIngested>>, IConsumer<Fault<ScorePatched>>, IConsumer<Fault<ScoreEmbedded>>
{
    public const string Code = "pipeline.fault";

    public Task Consume(ConsumeContext<Fault<ScoreIngested>> context) =>
        Record(context.Message, context.Message.Message.ScoreId, PipelineStage.Patching, context.CancellationToken);

    public Task Consume(ConsumeContext<Fault<ScorePatched>> context) =>
        Record(context.Message, context.Message.Message.ScoreId, PipelineStage.Embedding, context.CancellationToken);

    public Task Consume(ConsumeContext<Fault<ScoreEmbedded>> context) =>
        Record(context.Message, context.Message.Message.ScoreId, PipelineStage.Indexing, context.CancellationToken);

    private Task Record(Fault fault, Guid scoreId, PipelineStage stage, CancellationToken ct)
    {
        var exception = fault.Exceptions.FirstOrDefault();
        var reason = exception is null
            ? $"The {stage} stage gave up on the score."
            : $"The {stage} stage gave up on the score after retries: {exception.ExceptionType}: {exception.Message}";
        return scores.FailedAsync(scoreId, stage, Code, reason, ct);
    }
}
