using System.Diagnostics;
using System.Threading.Channels;

namespace Clamp.Inference.Batching;

/// <summary>
/// Groups items submitted one by one, from any number of callers, into batches: a batch closes when the queued
/// cost reaches <see cref="DynamicBatcherOptions.Budget"/> or its first item has waited
/// <see cref="DynamicBatcherOptions.MaxWait"/>; it is then sorted by length and cut by <see cref="BatchPlanner"/>.
/// When more is queued than one batch takes, up to <see cref="DynamicBatcherOptions.Window"/> budgets are sorted and
/// planned together. One loop runs the batches of a window, <see cref="DynamicBatcherOptions.Concurrency"/> at a time.
/// A caller that cancels gets its task cancelled at once and its item is dropped if it has not run yet; a run that
/// throws fails every item of that batch. At most <see cref="DynamicBatcherOptions.MaxQueued"/> items wait or run at
/// once: beyond that an item is refused or waits for room, as its caller chooses.
/// </summary>
public sealed class DynamicBatcher<TItem, TResult> : IAsyncDisposable
{
    private readonly Func<IReadOnlyList<TItem>, TResult[]> _run;
    private readonly Func<TItem, int> _cost;
    private readonly DynamicBatcherOptions _options;
    private readonly IBatchObserver? _observer;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private readonly SemaphoreSlim _room;
    private int _outstanding;

    public DynamicBatcher(
        Func<IReadOnlyList<TItem>, TResult[]> run, Func<TItem, int> cost, DynamicBatcherOptions options, IBatchObserver? observer = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Budget);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxItems);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Window);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Concurrency);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxQueued);
        _room = new SemaphoreSlim(options.MaxQueued, options.MaxQueued);
        _run = run;
        _cost = cost;
        _options = options;
        _observer = observer;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Items submitted whose task has not completed yet (waiting or running); a cancelled item leaves at once.</summary>
    public int Outstanding => Volatile.Read(ref _outstanding);

    /// <summary>Queues an item; refused at once with <see cref="BatcherFullException"/> when
    /// <see cref="DynamicBatcherOptions.MaxQueued"/> items are already waiting or running.</summary>
    public Task<TResult> EnqueueAsync(TItem item, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TResult>(cancellationToken);
        }

        return _room.Wait(0)
            ? Admit(item, cancellationToken)
            : Task.FromException<TResult>(new BatcherFullException(_options.MaxQueued));
    }

    /// <summary>Queues an item once there is room for it (a caller that can wait, such as a queue consumer, whose own
    /// intake is bounded): the wait is cancelled with <paramref name="cancellationToken"/>.</summary>
    public async Task<TResult> EnqueueWhenRoomAsync(TItem item, CancellationToken cancellationToken = default)
    {
        await _room.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await Admit(item, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Queues an item that holds one unit of room (given back when the item ends, however it ends).</summary>
    private Task<TResult> Admit(TItem item, CancellationToken cancellationToken)
    {
        int cost;
        try
        {
            cost = _cost(item);
        }
        catch
        {
            _room.Release();
            throw;
        }

        Interlocked.Increment(ref _outstanding);
        var pending = new Pending(this, item, cost);
        pending.Watch(cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            pending.Release();
            pending.TryCancel(CancellationToken.None);
            return Task.FromException<TResult>(new ObjectDisposedException(nameof(DynamicBatcher<TItem, TResult>), "The batcher is stopped."));
        }

        return pending.Completion.Task;
    }

    /// <summary>Stops taking items and waits for the queued ones to run.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task LoopAsync()
    {
        var reader = _queue.Reader;
        var window = new List<Pending>();
        while (window.Count > 0 || await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await CollectAsync(reader, window).ConfigureAwait(false);
            window.RemoveAll(p => p.Dropped());
            var batches = BatchPlanner.Plan(window.Select(p => p.Cost).ToArray(), _options.Budget, _options.MaxItems, _options.BatchOverhead)
                .Select(group => group.Select(i => window[i]).ToArray())
                .ToList();
            var carried = CarryOver(batches, reader.Completion.IsCompleted);
            if (_options.Concurrency == 1 || batches.Count == 1)
            {
                batches.ForEach(Execute);
            }
            else
            {
                Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency }, Execute);
            }

            window.Clear();
            window.AddRange(carried);
        }
    }

    /// <summary>
    /// Takes out of <paramref name="batches"/> the one batch worth holding back for the next window: the least filled,
    /// when it is under half the budget and under half the item limit, other batches run now (so the window was closed
    /// by its cost, not by the wait) and its oldest item has not waited <see cref="DynamicBatcherOptions.MaxWait"/>.
    /// Items arriving one by one close a window as soon as one budget is queued, which the planner must then cut into a
    /// full batch and a part-filled one; holding the part back fills it with the next arrivals instead of running it
    /// half empty. Its items keep their place at the head of the queue and their wait counts from their arrival.
    /// </summary>
    private Pending[] CarryOver(List<Pending[]> batches, bool queueCompleted)
    {
        if (queueCompleted || batches.Count < 2)
        {
            return [];
        }

        var leastFilled = batches.MinBy(PaddedCost)!;
        var oldest = leastFilled.Min(p => p.EnqueuedAt);
        if (PaddedCost(leastFilled) * 2 >= _options.Budget || leastFilled.Length * 2 >= _options.MaxItems
            || Stopwatch.GetElapsedTime(oldest) >= _options.MaxWait)
        {
            return [];
        }

        batches.Remove(leastFilled);
        return [.. leastFilled.OrderBy(p => p.EnqueuedAt)];
    }

    /// <summary>
    /// Takes what is queued, up to <see cref="DynamicBatcherOptions.Window"/> budgets; waits for more only while the
    /// queued cost is under one budget and the first item has not waited <see cref="DynamicBatcherOptions.MaxWait"/>.
    /// </summary>
    private async Task CollectAsync(ChannelReader<Pending> reader, List<Pending> window)
    {
        var queuedCost = window.Sum(p => (long)p.Cost);
        var maxCost = (long)_options.Budget * _options.Window;
        var maxItems = (long)_options.MaxItems * _options.Window;
        while (true)
        {
            while (queuedCost < maxCost && window.Count < maxItems && reader.TryRead(out var pending))
            {
                window.Add(pending);
                queuedCost += pending.Cost;
            }

            if (window.Count == 0 || queuedCost >= _options.Budget || window.Count >= _options.MaxItems)
            {
                return;
            }

            var remaining = _options.MaxWait - Stopwatch.GetElapsedTime(window[0].EnqueuedAt);
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            using var timeout = new CancellationTokenSource(remaining);
            try
            {
                if (!await reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private void Execute(Pending[] planned)
    {
        var batch = planned.Where(p => !p.Dropped()).ToArray();
        if (batch.Length == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var waits = batch.Select(p => Stopwatch.GetElapsedTime(p.EnqueuedAt, started)).ToArray();
        Exception? error = null;
        try
        {
            var results = _run(batch.Select(p => p.Item).ToArray());
            if (results.Length != batch.Length)
            {
                throw new InvalidOperationException($"The batch run returned {results.Length} results for {batch.Length} items.");
            }

            for (var i = 0; i < batch.Length; i++)
            {
                batch[i].TryComplete(results[i]);
            }
        }
        catch (Exception ex)
        {
            error = ex;
            foreach (var pending in batch)
            {
                pending.TryFail(ex);
            }
        }
        finally
        {
            foreach (var pending in batch)
            {
                pending.Release();
            }
        }

        _observer?.OnBatch(new BatchReport(
            batch.Length,
            batch.Sum(p => p.Cost),
            (int)PaddedCost(batch),
            waits,
            Stopwatch.GetElapsedTime(started),
            error));
    }

    /// <summary>Items x the costliest item: what a batch costs once padded to its longest item.</summary>
    private static long PaddedCost(Pending[] batch) => (long)batch.Length * batch.Max(p => p.Cost);

    /// <summary>One submitted item; every way it ends goes through <see cref="Finish"/>, which counts it out first.</summary>
    private sealed class Pending(DynamicBatcher<TItem, TResult> owner, TItem item, int cost)
    {
        private CancellationTokenRegistration _registration;
        private int _finished;

        public TItem Item { get; } = item;
        public int Cost { get; } = cost;
        public long EnqueuedAt { get; } = Stopwatch.GetTimestamp();
        public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Watch(CancellationToken cancellationToken)
        {
            if (cancellationToken.CanBeCanceled)
            {
                _registration = cancellationToken.Register(
                    static (state, token) => ((Pending)state!).TryCancel(token), this);
            }
        }

        public void TryComplete(TResult result)
        {
            if (Finish())
            {
                Completion.SetResult(result);
            }
        }

        public void TryFail(Exception error)
        {
            if (Finish())
            {
                Completion.SetException(error);
            }
        }

        public void TryCancel(CancellationToken token)
        {
            if (Finish())
            {
                Completion.SetCanceled(token);
            }
        }

        /// <summary>True (and released) when the caller has cancelled before the item ran.</summary>
        public bool Dropped()
        {
            if (Volatile.Read(ref _finished) == 0)
            {
                return false;
            }

            Release();
            return true;
        }

        public void Release() => _registration.Dispose();

        private bool Finish()
        {
            if (Interlocked.Exchange(ref _finished, 1) != 0)
            {
                return false;
            }

            Interlocked.Decrement(ref owner._outstanding);
            owner._room.Release();
            return true;
        }
    }
}
