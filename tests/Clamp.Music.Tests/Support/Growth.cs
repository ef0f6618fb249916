using System.Diagnostics;

namespace Clamp.Music.Tests.Support;

/// <summary>
/// How the cost of reading an input grows with its size: the cost at <see cref="Factor"/> × n divided by the cost at n.
/// Linear work gives about 8, quadratic about 64. Allocations are counted exactly on the test's thread
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/>); time is the best of several trials, each repeating the read
/// until it lasts long enough to measure, so a busy machine adds noise to a time ratio but cannot make it quadratic.
/// Never a wall-clock limit: only ratios are asserted.
/// </summary>
internal static class Growth
{
    public const int Factor = 8;

    /// <summary>The most a linear ratio may reach: <see cref="Factor"/> with room for noise; quadratic growth gives 64.</summary>
    public const double LinearLimit = 20;

    public static double AllocationRatio<T>(Func<int, T> input, Action<T> read, int n) =>
        Allocated(input(n * Factor), read) / (double)Math.Max(1, Allocated(input(n), read));

    public static double TimeRatio<T>(Func<int, T> input, Action<T> read, int n)
    {
        var (small, large) = (input(n), input(n * Factor));
        read(small); // JIT and static caches are not the input's cost
        read(large);
        var (bestSmall, bestLarge) = (double.MaxValue, double.MaxValue);
        for (var trial = 0; trial < 7; trial++)
        {
            // Interleaved, so that a busy spell of the machine falls on both sizes alike; the best of each is kept.
            bestSmall = Math.Min(bestSmall, Time(small, read));
            bestLarge = Math.Min(bestLarge, Time(large, read));
        }

        return bestLarge / bestSmall;
    }

    private static long Allocated<T>(T input, Action<T> read)
    {
        read(input); // JIT and static caches are not the input's cost
        var before = GC.GetAllocatedBytesForCurrentThread();
        read(input);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>Milliseconds per read, the read repeated until the whole lasts long enough to measure.</summary>
    private static double Time<T>(T input, Action<T> read)
    {
        var runs = 0;
        var watch = Stopwatch.StartNew();
        do
        {
            read(input);
            runs++;
        }
        while (watch.Elapsed < TimeSpan.FromMilliseconds(25));

        return watch.Elapsed.TotalMilliseconds / runs;
    }
}

/// <summary>Growth tests measure time: they run alone, not beside the other test classes of this assembly.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GrowthCollection
{
    public const string Name = "Growth measurements";
}
