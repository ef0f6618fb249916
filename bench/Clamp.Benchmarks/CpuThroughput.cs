using System.Diagnostics;
using Clamp.Music.Abc;
using Clamp.Music.Patching;

namespace Clamp.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- cpu</c>: the ABC workloads timed by the process's CPU time rather than the wall clock,
/// so that a busy shared machine does not hide the per-core speed. Single-threaded work; GC time is included.
/// </summary>
public static class CpuThroughput
{
    public static void Run(TextWriter output, int rounds = 5)
    {
        var corpus = AbcCorpus.Instance;
        var clamp1 = BarPatcher.For(PatchScheme.Clamp1);
        var lineBars = BarPatcher.For(PatchScheme.LineBars);
        output.WriteLine($"{corpus.FileTexts.Length} files, {corpus.FileCharacters:N0} characters; {corpus.MusicTexts.Length} tunes, {corpus.MusicCharacters:N0} music-text characters");
        Measure(output, "patch clamp1", corpus.MusicCharacters, rounds, () => corpus.MusicTexts.Sum(m => clamp1.Patch(m).Count));
        Measure(output, "patch line-bars", corpus.MusicCharacters, rounds, () => corpus.MusicTexts.Sum(m => lineBars.Patch(m).Count));
        Measure(output, "parse files", corpus.FileCharacters, rounds, () => corpus.FileTexts.Sum(f => AbcParser.ParseFile(f).Count));
        Measure(output, "parse + patch clamp1", corpus.FileCharacters, rounds, () =>
            corpus.FileTexts.SelectMany(AbcParser.ParseFile).Sum(r => r.Tune is { } t ? clamp1.Patch(t.MusicText).Count : 0));
    }

    private static void Measure(TextWriter output, string name, long characters, int rounds, Func<int> work)
    {
        Repeat(work, TimeSpan.FromSeconds(1)); // warm up until the JIT has optimised the hot paths
        var best = double.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            var (calls, cpu) = Repeat(work, TimeSpan.FromMilliseconds(500));
            best = Math.Min(best, cpu.TotalSeconds / calls);
        }

        output.WriteLine($"{name,-24} {characters / best / 1e6,8:N1} MB/s of CPU time (best of {rounds} rounds: {best * 1e3:N1} ms per pass)");
    }

    /// <summary>Runs the work until it has used at least the given CPU time (the CPU clock ticks coarsely).</summary>
    private static (int Calls, TimeSpan Cpu) Repeat(Func<int> work, TimeSpan atLeast)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.TotalProcessorTime;
        var calls = 0;
        TimeSpan used;
        do
        {
            work();
            calls++;
            process.Refresh();
            used = process.TotalProcessorTime - before;
        }
        while (used < atLeast);

        return (calls, used);
    }
}
