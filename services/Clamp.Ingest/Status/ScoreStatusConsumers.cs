using Clamp.Contracts.Messages;
using Clamp.Ingest.Storage;
using MassTransit;

namespace Clamp.Ingest.Status;

/// <summary>A score was cut into patches: status patched, with the merged metadata read from the file.</summary>
internal sealed class ScorePatchedConsumer(ScoreStatusRepository scores) : IConsumer<ScorePatched>
{
    public Task Consume(ConsumeContext<ScorePatched> context) =>
        scores.PatchedAsync(context.Message.ScoreId, context.Message.PatchCount, context.Message.Metadata, context.CancellationToken);
}

/// <summary>A score is searchable for a model version: status indexed.</summary>
internal sealed class ScoreIndexedConsumer(ScoreStatusRepository scores) : IConsumer<ScoreIndexed>
{
    public Task Consume(ConsumeContext<ScoreIndexed> context) =>
        scores.IndexedAsync(context.Message.ScoreId, context.Message.ModelVersion, context.CancellationToken);
}

/// <summary>A stage could not go on with a score: status failed, with the stage, code and reason.</summary>
internal sealed class ScoreFailedConsumer(ScoreStatusRepository scores) : IConsumer<ScoreFailed>
{
    public Task Consume(ConsumeContext<ScoreFailed> context) =>
        scores.FailedAsync(context.Message.ScoreId, context.Message.Stage, context.Message.Code, context.Message.Reason, context.CancellationToken);
}
