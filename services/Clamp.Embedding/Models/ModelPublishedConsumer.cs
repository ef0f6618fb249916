using Clamp.Contracts.Messages;
using MassTransit;

namespace Clamp.Embedding.Models;

/// <summary>
/// A training job announced a model version: scan for it now instead of at the next poll, and say clearly when the
/// announced version cannot be served or does not match what the message says.
/// </summary>
public sealed partial class ModelPublishedConsumer(ModelReloader reloader, ModelRegistry registry, ILogger<ModelPublishedConsumer> logger)
    : IConsumer<ModelPublished>
{
    public async Task Consume(ConsumeContext<ModelPublished> context)
    {
        var published = context.Message;
        if (!string.IsNullOrWhiteSpace(published.Location))
        {
            reloader.AddDirectory(published.Location);
        }

        await reloader.ScanAsync(context.CancellationToken);
        if (!registry.TryGet(published.ModelVersion, out var model))
        {
            LogNotServed(published.ModelId, published.ModelVersion, published.Location);
            return;
        }

        var manifest = model.Model.Manifest;
        if (manifest.EmbeddingDim != published.EmbeddingDim || !string.Equals(manifest.PatchScheme, published.PatchScheme, StringComparison.OrdinalIgnoreCase))
        {
            LogMismatch(published.ModelVersion, published.EmbeddingDim, published.PatchScheme, manifest.EmbeddingDim, manifest.PatchScheme);
        }
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Model {ModelId}@{Version} was published (location {Location}) but is not served: see the readiness details for why")]
    private partial void LogNotServed(string modelId, string version, string? location);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Model version {Version} was published as {PublishedDim}-d {PublishedScheme} but its manifest says {ManifestDim}-d {ManifestScheme}; the manifest is used")]
    private partial void LogMismatch(string version, int publishedDim, string publishedScheme, int manifestDim, string manifestScheme);
}
