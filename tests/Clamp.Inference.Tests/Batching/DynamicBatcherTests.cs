using System.Collections.Concurrent;
using Clamp.Inference.Batching;

namespace Clamp.Inference.Tests.Batching;

public sealed class DynamicBatcherTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>An item that costs the whole budget of 12 used below.</summary>
    private const string FullBatch = "xxxxxxxxxxxx";

    /// <summary>Runs batches of strings (cost = length), records them, and can hold the first batch until released.</summary>
    private sealed class Recorder : IBatchObserver
    {
        private readonly SemaphoreSlim _firstStarted = new(0);
        private readonly ManualResetEventSlim _release;
        private int _runs;

        public Recorder(bool holdFirst = false) => _release = new ManualResetEventSlim(!holdFirst);

        public ConcurrentQueue<string[]> Batches { get; } = new();
        public ConcurrentQueue<BatchReport> Reports { get; } = new();
        public Func<string, string> Map { get; init; } = s => s.ToUpperInvariant();

        public string[] Run(IReadOnlyList<string> batch)
        {
            if (Interlocked.Increment(ref _runs) == 1)
            {
                _firstStarted.Release();
                _release.Wait(Patience);
            }

            Batches.Enqueue(batch.ToArray());
            return batch.Select(Map).ToArray();
        }

        public Task FirstStarted() => _firstStarted.WaitAsync(Patience);

        public void Release() => _release.Set();

        public void OnBatch(BatchReport report) => Reports.Enqueue(report);
    }

    private static DynamicBatcher<string, string> Create(Recorder recorder, int budget = 100, int maxWaitMs = 20, int window = 4, int maxQueued = 4096) =>
        new(recorder.Run, s => s.Length,
            new DynamicBatcherOptions { Budget = budget, MaxWait = TimeSpan.FromMilliseconds(maxWaitMs), Window = window, MaxQueued = maxQueued }, recorder);

    [Fact]
    public async Task Each_caller_gets_the_result_of_its_own_item()
    {
        var recorder = new Recorder();
        await using var batcher = Create(recorder);
        var words = Enumerable.Range(0, 50).Select(i => $"item{i}").ToArray();

        var results = await Task.WhenAll(words.Select(w => Task.Run(() => batcher.EnqueueAsync(w))));

        Assert.Equal(words.Select(w => w.ToUpperInvariant()), results);
        Assert.Equal(50, recorder.Batches.Sum(b => b.Length));
    }

    [Fact]
    public async Task Items_queued_while_a_batch_runs_are_taken_together_sorted_by_length_within_the_budget()
    {
        var recorder = new Recorder(holdFirst: true);
        await using var batcher = Create(recorder, budget: 12, maxWaitMs: 1);
        var first = batcher.EnqueueAsync("x");
        await recorder.FirstStarted();

        var queued = new[] { "cccc", "a", "bb", "dddddd", "ee" }.Select(w => batcher.EnqueueAsync(w)).ToArray();
        recorder.Release();
        await Task.WhenAll(queued.Append(first));

        // All five queued items are planned together (the window holds up to 4 budgets); sorted, the cheapest cut with a
        // batch overhead of 64 is {a, bb, ee} (padded 3 x 2) + {cccc, dddddd} (2 x 6); all five would pad to 30 > 12.
        Assert.Equal([["x"], ["a", "bb", "ee"], ["cccc", "dddddd"]], recorder.Batches.ToArray());
        var report = recorder.Reports.ToArray()[1];
        Assert.Equal(3, report.Items);
        Assert.Equal(5, report.TotalCost);
        Assert.Equal(6, report.PaddedCost);
        Assert.Equal(3, report.QueueWaits.Count);
    }

    [Fact]
    public async Task A_part_filled_batch_is_held_back_and_filled_by_the_next_arrivals()
    {
        var recorder = new Recorder(holdFirst: true);
        await using var batcher = Create(recorder, budget: 12, maxWaitMs: 300, window: 1);
        var first = batcher.EnqueueAsync(FullBatch); // a whole budget: runs at once
        await recorder.FirstStarted();

        var queued = new[] { "cccc", "a", "bb", "dddddd" }.Select(w => batcher.EnqueueAsync(w)).ToList();
        recorder.Release();
        await queued[0];
        queued.Add(batcher.EnqueueAsync("ee"));
        await Task.WhenAll(queued.Append(first));

        // The window closes once 4 + 1 + 2 + 6 = 13 reaches the budget of 12 and is cut into {cccc, dddddd} (full) and
        // {a, bb} (padded 4 of 12): that part is held back instead of running a third full, and ee joins it.
        Assert.Equal([[FullBatch], ["cccc", "dddddd"], ["a", "bb", "ee"]], recorder.Batches.ToArray());
    }

    [Fact]
    public async Task A_held_back_batch_runs_once_its_oldest_item_has_waited_the_maximum_wait()
    {
        var recorder = new Recorder(holdFirst: true);
        await using var batcher = Create(recorder, budget: 12, maxWaitMs: 50, window: 1);
        var first = batcher.EnqueueAsync(FullBatch); // a whole budget: runs at once
        await recorder.FirstStarted();

        var queued = new[] { "cccc", "a", "bb", "dddddd" }.Select(w => batcher.EnqueueAsync(w)).ToArray();
        recorder.Release();
        var results = await Task.WhenAll(queued.Append(first)).WaitAsync(Patience);

        Assert.Equal(["CCCC", "A", "BB", "DDDDDD", FullBatch.ToUpperInvariant()], results);
        Assert.Equal([[FullBatch], ["cccc", "dddddd"], ["a", "bb"]], recorder.Batches.ToArray());
        Assert.Equal(0, batcher.Outstanding);
    }

    [Fact]
    public async Task Stopping_runs_every_queued_item_without_holding_any_back_for_the_maximum_wait()
    {
        // The maximum wait (60 s) is longer than the test's patience (30 s): a held-back batch would time the test out.
        var recorder = new Recorder(holdFirst: true);
        var batcher = Create(recorder, budget: 12, maxWaitMs: 60_000, window: 1);
        var first = batcher.EnqueueAsync(FullBatch); // a whole budget: runs at once
        await recorder.FirstStarted();
        var queued = new[] { "cccc", "a", "bb", "dddddd" }.Select(w => batcher.EnqueueAsync(w)).ToArray();

        var disposed = batcher.DisposeAsync().AsTask();
        recorder.Release();
        await disposed.WaitAsync(Patience);

        Assert.All(queued.Append(first), task => Assert.True(task.IsCompletedSuccessfully));
        Assert.Equal(5, recorder.Batches.Sum(b => b.Length));
    }

    [Fact]
    public async Task With_a_concurrency_of_two_the_batches_of_a_window_run_at_the_same_time()
    {
        using var firstStarted = new SemaphoreSlim(0);
        using var release = new ManualResetEventSlim();
        using var bothRunning = new Barrier(2);
        var overlapped = 0;
        string[] Run(IReadOnlyList<string> batch)
        {
            if (batch[0] == "x")
            {
                firstStarted.Release();
                release.Wait(Patience);
            }
            else if (bothRunning.SignalAndWait(Patience))
            {
                Interlocked.Increment(ref overlapped);
            }

            return batch.ToArray();
        }

        await using var batcher = new DynamicBatcher<string, string>(Run, s => s.Length,
            new DynamicBatcherOptions { Budget = 4, MaxWait = TimeSpan.FromMilliseconds(1), Concurrency = 2 });
        var first = batcher.EnqueueAsync("x");
        await firstStarted.WaitAsync(Patience);

        // Queued while "x" runs, so taken in one window; together they would pad to 8 > 4: two batches.
        var queued = new[] { "bbbb", "cccc" }.Select(w => batcher.EnqueueAsync(w)).ToArray();
        release.Set();

        Assert.Equal(["bbbb", "cccc"], await Task.WhenAll(queued));
        await first;
        Assert.Equal(2, overlapped);
    }

    [Fact]
    public async Task A_lone_item_runs_after_the_maximum_wait()
    {
        var recorder = new Recorder();
        await using var batcher = Create(recorder, budget: 1000, maxWaitMs: 10);

        var result = await batcher.EnqueueAsync("alone").WaitAsync(Patience);

        Assert.Equal("ALONE", result);
        Assert.Equal(["alone"], Assert.Single(recorder.Batches));
    }

    [Fact]
    public async Task A_cancelled_item_is_cancelled_at_once_and_never_run()
    {
        var recorder = new Recorder(holdFirst: true);
        await using var batcher = Create(recorder, maxWaitMs: 1);
        var first = batcher.EnqueueAsync("first");
        await recorder.FirstStarted();
        using var cancel = new CancellationTokenSource();

        var cancelled = batcher.EnqueueAsync("cancelled", cancel.Token);
        var kept = batcher.EnqueueAsync("kept");
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(2, batcher.Outstanding); // "first" runs, "kept" waits; "cancelled" has left.
        recorder.Release();
        Assert.Equal("KEPT", await kept);
        await first;
        Assert.DoesNotContain("cancelled", recorder.Batches.SelectMany(b => b));
    }

    [Fact]
    public async Task A_failing_run_fails_its_batch_and_the_next_batch_still_runs()
    {
        var recorder = new Recorder { Map = s => s == "bad" ? throw new InvalidDataException("broken batch") : s };
        await using var batcher = Create(recorder, budget: 3, maxWaitMs: 1);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => batcher.EnqueueAsync("bad"));
        var good = await batcher.EnqueueAsync("ok");

        Assert.Equal("broken batch", error.Message);
        Assert.Equal("ok", good);
        Assert.Equal(0, batcher.Outstanding);
        Assert.NotNull(recorder.Reports.First().Error);
    }

    [Fact]
    public async Task Dispose_runs_what_is_queued_then_refuses_new_items()
    {
        var recorder = new Recorder();
        var batcher = Create(recorder, budget: 1000, maxWaitMs: 1000);
        var queued = batcher.EnqueueAsync("queued");

        await batcher.DisposeAsync();

        Assert.Equal("QUEUED", await queued);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => batcher.EnqueueAsync("late"));
    }

    [Fact]
    public async Task An_item_beyond_the_queue_limit_is_refused_at_once_and_taken_again_once_there_is_room()
    {
        var recorder = new Recorder(holdFirst: true);
        await using var batcher = Create(recorder, budget: 1, maxWaitMs: 1, maxQueued: 2);
        var running = batcher.EnqueueAsync("a");
        await recorder.FirstStarted();
        var waiting = batcher.EnqueueAsync("b");

        var refused = await Assert.ThrowsAsync<BatcherFullException>(() => batcher.EnqueueAsync("c"));

        Assert.Equal(2, refused.Capacity);
        Assert.Equal(2, batcher.Outstanding);
        recorder.Release();
        Assert.Equal(["A", "B"], await Task.WhenAll(running, waiting));
        Assert.Equal("C", await batcher.EnqueueAsync("c"));
    }

    [Fact]
    public async Task A_caller_that_can_wait_is_queued_once_there_is_room_instead_of_refused()
    {
        var recorder = new Recorder(holdFirst: true);
        await using var batcher = Create(recorder, budget: 1, maxWaitMs: 1, maxQueued: 1);
        var running = batcher.EnqueueAsync("a");
        await recorder.FirstStarted();

        var waiting = batcher.EnqueueWhenRoomAsync("b");
        await Task.Delay(50);

        Assert.False(waiting.IsCompleted);
        Assert.Equal(1, batcher.Outstanding);
        recorder.Release();
        Assert.Equal(["A", "B"], await Task.WhenAll(running, waiting));
    }

    [Fact]
    public async Task A_cancelled_item_gives_its_room_back()
    {
        var recorder = new Recorder(holdFirst: true);
        await using var batcher = Create(recorder, budget: 1, maxWaitMs: 1, maxQueued: 2);
        var running = batcher.EnqueueAsync("a");
        await recorder.FirstStarted();
        using var cancel = new CancellationTokenSource();
        var cancelled = batcher.EnqueueAsync("b", cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var next = batcher.EnqueueAsync("c");

        recorder.Release();
        Assert.Equal(["A", "C"], await Task.WhenAll(running, next));
    }
}
