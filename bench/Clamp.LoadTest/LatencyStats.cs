using System.Diagnostics;

namespace Clamp.LoadTest;

/// <summary>Latency percentiles and throughput of a run of calls.</summary>
internal sealed record LatencyStats(int Calls, int Concurrency, double P50Ms, double P90Ms, double P99Ms, double MaxMs, double CallsPerSecond)
{
    /// <summary>Makes <paramref name="calls"/> calls of <paramref name="call"/> (given the call's index), <paramref name="concurrency"/> at a time.</summary>
    public static async Task<LatencyStats> MeasureAsync(int calls, int concurrency, Func<int, Task> call)
    {
        var latencies = new double[calls];
        var next = -1;
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls)
            {
                var started = Stopwatch.GetTimestamp();
                await call(i);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        });
        await Task.WhenAll(workers);
        wall.Stop();
        Array.Sort(latencies);
        return new LatencyStats(calls, concurrency, Percentile(latencies, 0.50), Percentile(latencies, 0.90),
            Percentile(latencies, 0.99), latencies[^1], calls / wall.Elapsed.TotalSeconds);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    public override string ToString() =>
        $"{Calls} calls × {Concurrency} concurrent: p50 {P50Ms:0.00} ms, p90 {P90Ms:0.00} ms, p99 {P99Ms:0.00} ms, max {MaxMs:0.0} ms, {CallsPerSecond:0} calls/s";
}
