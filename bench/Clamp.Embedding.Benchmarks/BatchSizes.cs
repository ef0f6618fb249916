using System.Collections.Concurrent;
using Clamp.Inference.Batching;
using Clamp.Torch.Model;

namespace Clamp.Embedding.Benchmarks;

/// <summary>Collects the sizes of the batches the dynamic batcher formed.</summary>
public sealed class BatchSizes : IBatchObserver
{
    private readonly ConcurrentQueue<BatchReport> _reports = new();

    public void OnBatch(BatchReport report) => _reports.Enqueue(report);

    /// <summary>Floating-point operations of every batch seen (items x the longest item's patches).</summary>
    public double Flops(Clamp.Torch.Model.ModelConfig config) =>
        _reports.Sum(r => MusicEncoderFlops.Of(config, r.Items, r.PaddedCost / r.Items));

    public string Describe()
    {
        var reports = _reports.ToArray();
        var padding = 1 - ((double)reports.Sum(r => r.TotalCost) / reports.Sum(r => r.PaddedCost));
        return $"{reports.Length} batches, mean {reports.Average(r => r.Items):F1} items, padding {100 * padding:F1}% of the padded input";
    }
}
