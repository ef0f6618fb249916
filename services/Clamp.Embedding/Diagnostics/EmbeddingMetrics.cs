using System.Diagnostics.Metrics;
using Clamp.Embedding.Models;
using Clamp.Inference.Batching;
using Clamp.Inference.Onnx;

namespace Clamp.Embedding.Diagnostics;

/// <summary>
/// The "Clamp.Embedding" meter: batch sizes and padding, queue wait, inference time, embedded items (their rate is
/// items/s), failures by code, and the execution provider.
/// </summary>
public sealed class EmbeddingMetrics
{
    public const string MeterName = "Clamp.Embedding";

    private readonly Histogram<int> _batchItems;
    private readonly Histogram<int> _batchPaddedCost;
    private readonly Histogram<double> _queueWait;
    private readonly Histogram<double> _inference;
    private readonly Counter<long> _items;
    private readonly Counter<long> _failures;

    public EmbeddingMetrics(IMeterFactory meters, OnnxSessionFactory sessions, ModelRegistry registry)
    {
        var meter = meters.Create(MeterName);
        _batchItems = meter.CreateHistogram<int>("clamp.embedding.batch.size", "{item}", "Items per inference batch");
        _batchPaddedCost = meter.CreateHistogram<int>("clamp.embedding.batch.padded_cost", "{patch_or_token}",
            "Padded size of a batch: items x the longest item");
        _queueWait = meter.CreateHistogram<double>("clamp.embedding.queue.wait", "s", "Time an item waited for its batch");
        _inference = meter.CreateHistogram<double>("clamp.embedding.inference.duration", "s", "Time one batch ran");
        _items = meter.CreateCounter<long>("clamp.embedding.items", "{item}", "Items embedded (rate = items/s)");
        _failures = meter.CreateCounter<long>("clamp.embedding.failures", "{item}", "Items refused or failed, by code");
        meter.CreateObservableGauge("clamp.embedding.execution_provider",
            () => new Measurement<int>(1, new KeyValuePair<string, object?>("provider", sessions.Provider.Name)),
            description: "1, tagged with the ONNX Runtime execution provider in use");
        meter.CreateObservableGauge("clamp.embedding.models.loaded", () => registry.Models.Count, "{model}", "Model versions loaded");
        meter.CreateObservableGauge("clamp.embedding.queue.depth", () => registry.Models.Sum(m => m.Outstanding), "{item}",
            "Items waiting for a batch or running");
    }

    /// <summary>An observer of one batcher (music or text) of one model version.</summary>
    public IBatchObserver For(string modality, string modelVersion) => new Observer(this, [
        new("modality", modality),
        new("model_version", modelVersion),
    ]);

    public void Failed(string code, string modality) =>
        _failures.Add(1, new KeyValuePair<string, object?>("code", code), new KeyValuePair<string, object?>("modality", modality));

    private sealed class Observer(EmbeddingMetrics metrics, KeyValuePair<string, object?>[] tags) : IBatchObserver
    {
        public void OnBatch(BatchReport report)
        {
            var tagList = tags.AsSpan();
            metrics._batchItems.Record(report.Items, tagList);
            metrics._batchPaddedCost.Record(report.PaddedCost, tagList);
            metrics._inference.Record(report.Inference.TotalSeconds, tagList);
            foreach (var wait in report.QueueWaits)
            {
                metrics._queueWait.Record(wait.TotalSeconds, tagList);
            }

            if (report.Error is null)
            {
                metrics._items.Add(report.Items, tagList);
            }
        }
    }
}
