using BenchmarkDotNet.Attributes;
using Clamp.Music.Abc;
using Clamp.Music.Patching;

namespace Clamp.Benchmarks;

/// <summary>Reading and patching the whole shared ABC corpus (about 12,900 tunes), on one thread.</summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class AbcBenchmarks
{
    private static readonly IBarPatcher Clamp1 = BarPatcher.For(PatchScheme.Clamp1);
    private static readonly IBarPatcher LineBars = BarPatcher.For(PatchScheme.LineBars);
    private string[] _files = [];
    private string[] _music = [];

    public static long FileCharacters => AbcCorpus.Instance.FileCharacters;

    public static long MusicCharacters => AbcCorpus.Instance.MusicCharacters;

    [GlobalSetup]
    public void Load()
    {
        _files = AbcCorpus.Instance.FileTexts;
        _music = AbcCorpus.Instance.MusicTexts;
    }

    [Benchmark(Description = "Parse files (metadata + music text)")]
    [Processes(typeof(AbcBenchmarks), nameof(FileCharacters))]
    public int Parse()
    {
        var tunes = 0;
        foreach (var file in _files)
        {
            tunes += AbcParser.ParseFile(file).Count;
        }

        return tunes;
    }

    [Benchmark(Description = "Patch music texts, clamp1")]
    [Processes(typeof(AbcBenchmarks), nameof(MusicCharacters))]
    public int PatchClamp1() => PatchAll(Clamp1);

    [Benchmark(Description = "Patch music texts, line-bars")]
    [Processes(typeof(AbcBenchmarks), nameof(MusicCharacters))]
    public int PatchLineBars() => PatchAll(LineBars);

    [Benchmark(Description = "Parse + patch files, clamp1")]
    [Processes(typeof(AbcBenchmarks), nameof(FileCharacters))]
    public int ParseAndPatch()
    {
        var patches = 0;
        foreach (var file in _files)
        {
            foreach (var result in AbcParser.ParseFile(file))
            {
                patches += result.Tune is { } tune ? Clamp1.Patch(tune.MusicText).Count : 0;
            }
        }

        return patches;
    }

    private int PatchAll(IBarPatcher patcher)
    {
        var patches = 0;
        foreach (var music in _music)
        {
            patches += patcher.Patch(music).Count;
        }

        return patches;
    }
}
