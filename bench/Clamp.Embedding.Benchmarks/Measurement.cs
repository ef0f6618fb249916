using System.Diagnostics;

namespace Clamp.Embedding.Benchmarks;

/// <summary>
/// Times passes over all items of several variants, interleaved (one pass of each variant per round, after one
/// warm-up pass each), so that a change in the machine's load during the run touches every variant alike; reports
/// the median wall time and the median CPU time of the process per pass. Speed-ups are medians of the ratios within
/// a round, where both variants ran back to back under the same load.
/// </summary>
public static class Measurement
{
    public sealed record Variant(string Name, int Items, Action Pass);

    public sealed record Result(string Name, int Items, IReadOnlyList<double> Seconds, IReadOnlyList<double> CpuSeconds)
    {
        public double MedianSeconds => Median(Seconds);

        public double MedianCpuSeconds => Median(CpuSeconds);

        public double ItemsPerSecond => Items / MedianSeconds;

        public double ItemsPerCpuSecond => Items / MedianCpuSeconds;

        public override string ToString() =>
            $"{Name,-46} {ItemsPerSecond,9:F1} items/s  {ItemsPerCpuSecond,9:F1} items/CPU-s  (median {MedianSeconds * 1000,8:F1} ms wall, {MedianCpuSeconds * 1000,8:F1} ms CPU for {Items})";
    }

    public static IReadOnlyList<Result> Interleaved(int rounds, params Variant[] variants)
    {
        foreach (var variant in variants)
        {
            variant.Pass();
        }

        var wall = variants.Select(_ => new List<double>()).ToArray();
        var cpu = variants.Select(_ => new List<double>()).ToArray();
        var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            for (var v = 0; v < variants.Length; v++)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var started = Stopwatch.GetTimestamp();
                variants[v].Pass();
                wall[v].Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
                process.Refresh();
                cpu[v].Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
            }
        }

        var results = variants.Select((v, i) => new Result(v.Name, v.Items, wall[i], cpu[i])).ToList();
        results.ForEach(Console.WriteLine);
        return results;
    }

    /// <summary>
    /// How many times faster <paramref name="fast"/> ran than <paramref name="slow"/> (items per second): the median over
    /// rounds of the ratio within each round, where both ran back to back under the same load.
    /// </summary>
    public static double SpeedUp(Result fast, Result slow) =>
        Median(fast.Seconds.Zip(slow.Seconds, (f, s) => s / slow.Items / (f / fast.Items)).ToList());

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
