using System.Diagnostics;

namespace Clamp.Music;

/// <summary>
/// The work one score may cost while it is read, so that no input, however built, can hang or exhaust the process
/// that reads it. Three bounds, checked together each time a reader spends work (once per line, XML element, MIDI
/// event or bar written):
/// <list type="bullet">
/// <item>work units: characters read or written, elements and events handled. Deterministic: the same input always
/// spends the same units, so this is the bound the tests hold;</item>
/// <item>memory: bytes allocated on the reading thread since the budget was made;</item>
/// <item>a deadline: the outer guard, should some work escape the count.</item>
/// </list>
/// Past any of them <see cref="Spend"/> throws <see cref="ParseBudgetExceededException"/>, which each reader turns into
/// its <c>*.too-complex</c> <see cref="ScoreReadException"/> (<c>abc.too-complex</c>, <c>musicxml.too-complex</c> …).
/// A budget belongs to one read on one thread; the readers are synchronous.
/// </summary>
public sealed class ParseBudget
{
    private readonly long _maxWork;
    private readonly long _maxAllocatedBytes;
    private readonly long _allocatedAtStart;
    private readonly long _deadline;
    private readonly TimeSpan _timeout;

    public ParseBudget(long maxWork, long maxAllocatedBytes, TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxWork);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAllocatedBytes);
        _maxWork = maxWork;
        _maxAllocatedBytes = maxAllocatedBytes;
        _allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
        _timeout = timeout;
        _deadline = timeout == Timeout.InfiniteTimeSpan || timeout > TimeSpan.FromDays(365)
            ? long.MaxValue
            : Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>Work units spent so far.</summary>
    public long Spent { get; private set; }

    /// <summary>The most work units this budget allows.</summary>
    public long MaxWork => _maxWork;

    /// <summary>Spends <paramref name="work"/> units.</summary>
    /// <exception cref="ParseBudgetExceededException">The work, the memory or the time of this read is spent.</exception>
    public void Spend(long work)
    {
        Spent += work;
        if (Spent > _maxWork)
        {
            throw new ParseBudgetExceededException($"reading it takes more than {_maxWork:N0} work units (the limit for its size)");
        }

        if (GC.GetAllocatedBytesForCurrentThread() - _allocatedAtStart is var allocated && allocated > _maxAllocatedBytes)
        {
            throw new ParseBudgetExceededException($"reading it allocated {allocated:N0} bytes, over the limit of {_maxAllocatedBytes:N0}");
        }

        if (Stopwatch.GetTimestamp() > _deadline)
        {
            throw new ParseBudgetExceededException($"reading it took longer than {_timeout.TotalSeconds:0.#} s");
        }
    }
}

/// <summary>
/// A <see cref="ParseBudget"/> is spent. Not a <see cref="ScoreReadException"/> itself: the reader that was working
/// turns it into its own <c>*.too-complex</c> code, with the tune and line where it knows them.
/// </summary>
public sealed class ParseBudgetExceededException(string reason) : Exception(reason)
{
    /// <summary>What was spent: work, memory or time, and the limit.</summary>
    public string Reason { get; } = reason;

    /// <summary>The reader's failure for this, e.g. <c>abc.too-complex</c>.</summary>
    public ScoreReadException ToReadException(string format, int? tuneIndex = null, int? line = null) =>
        new($"{format}.too-complex", $"the score is too complex: {Reason}", tuneIndex, line, this);
}
