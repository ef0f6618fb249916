namespace Clamp.Inference.Batching;

/// <summary>What one batch of a <see cref="DynamicBatcher{TItem, TResult}"/> was: its size, its padding, how long its
/// items queued and how long it ran (<see cref="Error"/> is set when the run threw).</summary>
public sealed record BatchReport(
    int Items,
    int TotalCost,
    int PaddedCost,
    IReadOnlyList<TimeSpan> QueueWaits,
    TimeSpan Inference,
    Exception? Error);

/// <summary>Receives a report of every batch (metrics, logs). Called on the batcher's loop; keep it cheap.</summary>
public interface IBatchObserver
{
    void OnBatch(BatchReport report);
}
