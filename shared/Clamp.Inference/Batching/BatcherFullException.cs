namespace Clamp.Inference.Batching;

/// <summary>A <see cref="DynamicBatcher{TItem, TResult}"/> refused an item: as many items as it takes are already
/// waiting or running (<see cref="DynamicBatcherOptions.MaxQueued"/>). Nothing was queued; the caller may retry later.</summary>
public sealed class BatcherFullException(int capacity)
    : Exception($"The batch queue is full ({capacity:N0} items waiting or running); retry later.")
{
    public int Capacity { get; } = capacity;
}
