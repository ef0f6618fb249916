using Clamp.Contracts.Messages;
using MassTransit;

namespace Clamp.Ingest.Reindex;

/// <summary>A new model version was published: re-embed every stored score with it (one job per version).</summary>
internal sealed class ModelPublishedConsumer(ReindexJobRepository jobs) : IConsumer<ModelPublished>
{
    public Task Consume(ConsumeContext<ModelPublished> context)
    {
        var model = context.Message;
        return jobs.StartAsync(ReindexJob.IdFor(model.ModelId, model.ModelVersion), model.ModelId, model.ModelVersion, context.CancellationToken);
    }
}
