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

    public static double TimeRatio<T>(Func<int, T> input, Action<T> read, int n) =>
        BestTime(input(n * Factor), read) / BestTime(input(n), read);

    private static long Allocated<T>(T input, Action<T> read)
    {
        read(input); // JIT and static caches are not the input's cost
        var before = GC.GetAllocatedBytesForCurrentThread();
        read(input);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static double BestTime<T>(T input, Action<T> read)
    {
        read(input);
        var best = double.MaxValue;
        for (var trial = 0; trial < 5; trial++)
        {
            var runs = 0;
            var watch = Stopwatch.StartNew();
            do
            {
                read(input);
                runs++;
            }
            while (watch.Elapsed < TimeSpan.FromMilliseconds(20));

            best = Math.Min(best, watch.Elapsed.TotalMilliseconds / runs);
        }

        return best;
    }
}
