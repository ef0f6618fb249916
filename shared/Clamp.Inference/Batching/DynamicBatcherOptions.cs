namespace Clamp.Inference.Batching;

/// <summary>When a <see cref="DynamicBatcher{TItem, TResult}"/> closes a batch.</summary>
public sealed record DynamicBatcherOptions
{
    /// <summary>The most padded cost (items x the longest item, in patches or tokens) of one batch.</summary>
    public int Budget { get; init; } = 4096;

    /// <summary>How long the first item of a batch waits for others before the batch runs anyway.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The most items of one batch, whatever their cost.</summary>
    public int MaxItems { get; init; } = 256;

    /// <summary>
    /// How many batches' worth of queued items (cost and count) are sorted and planned together when more are waiting:
    /// a wider window gives the length bucketing more similar lengths to group.
    /// </summary>
    public int Window { get; init; } = 4;

    /// <summary>
    /// Batches of one window run at the same time (each on its own thread): with single-threaded sessions this uses
    /// the cores without the synchronisation of intra-operator threads.
    /// </summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>
    /// The most items waiting or running at once. <see cref="DynamicBatcher{TItem, TResult}.EnqueueAsync"/> refuses more
    /// (<see cref="BatcherFullException"/>), <see cref="DynamicBatcher{TItem, TResult}.EnqueueWhenRoomAsync"/> waits for room,
    /// so a burst of callers sheds load instead of queueing without bound.
    /// </summary>
    public int MaxQueued { get; init; } = 4096;

    /// <summary>What running one more batch costs, in the units of the item costs: the planner weighs it against padding.</summary>
    public int BatchOverhead { get; init; } = BatchPlanner.DefaultBatchOverhead;
}
