using Clamp.Embedding.Diagnostics;
using Clamp.Inference;
using Clamp.Inference.Batching;
using Clamp.Inference.Encoders;
using Clamp.Music.Patching;

namespace Clamp.Embedding.Models;

/// <summary>A loaded, warmed-up model version with its two dynamic batchers (scores and texts).</summary>
public sealed class ServedModel : IAsyncDisposable
{
    public const string MusicModality = "music";
    public const string TextModality = "text";

    private readonly DynamicBatcher<PatchSequence, float[]> _music;
    private readonly DynamicBatcher<string, float[]> _text;

    public ServedModel(ClampModel model, ModelDirectoryStamp stamp, EmbeddingOptions options, EmbeddingMetrics metrics)
    {
        Model = model;
        Stamp = stamp;
        var wait = TimeSpan.FromMilliseconds(options.MaxBatchWaitMs);
        var concurrency = options.EffectiveBatchConcurrency(model.Provider.IsCuda);
        var overhead = options.EffectiveBatchOverhead(model.Provider.IsCuda);
        _music = new DynamicBatcher<PatchSequence, float[]>(
            model.Music.Encode, model.Music.CostOf,
            new DynamicBatcherOptions { Budget = options.MusicPatchBudget, MaxWait = wait, MaxItems = options.MaxBatchItems, Window = options.BatchWindow, Concurrency = concurrency, BatchOverhead = overhead, MaxQueued = options.MaxQueuedItems },
            metrics.For(MusicModality, Version));
        _text = new DynamicBatcher<string, float[]>(
            model.Text.Encode, model.Text.CostOf,
            new DynamicBatcherOptions { Budget = options.TextTokenBudget, MaxWait = wait, MaxItems = options.MaxBatchItems, Window = options.BatchWindow, Concurrency = concurrency, BatchOverhead = overhead, MaxQueued = options.MaxQueuedItems },
            metrics.For(TextModality, Version));
    }

    public ClampModel Model { get; }

    /// <summary>What the model directory held when this version was loaded (to notice a change).</summary>
    public ModelDirectoryStamp Stamp { get; }

    public string ModelId => Model.Manifest.ModelId;

    public string Version => Model.Manifest.Version;

    public DateTimeOffset LoadedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>Scores and texts submitted and not answered yet (waiting for a batch or running).</summary>
    public int Outstanding => _music.Outstanding + _text.Outstanding;

    /// <summary>Embeds one score's patches as they travel in a gRPC call; <see cref="InvalidPatchesException"/> when they
    /// do not fit this model, <see cref="BatcherFullException"/> when <see cref="EmbeddingOptions.MaxQueuedItems"/> scores
    /// already wait.</summary>
    public Task<float[]> EmbedScoreAsync(string? patchScheme, int patchLength, int patchCount, ReadOnlySpan<byte> patches, CancellationToken cancellationToken) =>
        _music.EnqueueAsync(PatchInput.Create(Model.Manifest, patchScheme, patchLength, patchCount, patches, null), cancellationToken);

    /// <summary>Embeds a patched score from the queue, waiting for room in the batcher; with its music text, a score
    /// patched in another scheme is cut again for this model.</summary>
    public Task<float[]> EmbedQueuedScoreAsync(string? patchScheme, int patchLength, int patchCount, ReadOnlySpan<byte> patches, string? musicText,
        CancellationToken cancellationToken) =>
        _music.EnqueueWhenRoomAsync(PatchInput.Create(Model.Manifest, patchScheme, patchLength, patchCount, patches, musicText), cancellationToken);

    /// <summary>Embeds a text of a gRPC call; <see cref="BatcherFullException"/> when the text queue is full.</summary>
    public Task<float[]> EmbedTextAsync(string text, CancellationToken cancellationToken) =>
        _text.EnqueueAsync(text, cancellationToken);

    /// <summary>Runs what is queued, then releases the ONNX sessions.</summary>
    public async ValueTask DisposeAsync()
    {
        await _music.DisposeAsync();
        await _text.DisposeAsync();
        Model.Dispose();
    }
}
