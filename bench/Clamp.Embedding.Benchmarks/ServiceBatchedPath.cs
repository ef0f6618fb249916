using Clamp.Inference.Batching;

namespace Clamp.Embedding.Benchmarks;

/// <summary>The embedding service's batched path as the benchmarks drive it: a dynamic batcher with the run's limits,
/// every item submitted at once.</summary>
public static class ServiceBatchedPath
{
    public static DynamicBatcher<TItem, float[]> Create<TItem>(BenchSettings settings,
        Func<IReadOnlyList<TItem>, float[][]> encode, Func<TItem, int> cost, int budget, IBatchObserver observer) =>
        new(encode, cost, new DynamicBatcherOptions
        {
            Budget = budget, MaxWait = TimeSpan.FromMilliseconds(settings.MaxWaitMs), MaxItems = settings.MaxItems, BatchOverhead = settings.BatchOverhead,
        }, observer);

    public static void SubmitAll<TItem>(DynamicBatcher<TItem, float[]> batcher, IReadOnlyList<TItem> items) =>
        Task.WhenAll(items.Select(item => batcher.EnqueueAsync(item))).GetAwaiter().GetResult();
}
