using BenchmarkDotNet.Attributes;
using Clamp.Music;
using Clamp.Music.MusicXml;

namespace Clamp.Benchmarks;

/// <summary>MusicXML to ABC conversion on the shared MusicXML corpus (the OpenEWLD lead sheets, .mxl), on one thread.</summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class MusicXmlBenchmarks
{
    private static readonly Lazy<byte[][]> Scores = new(() =>
        SharedCorpus.Files("musicxml/openewld", ".mxl").Select(File.ReadAllBytes).ToArray());

    private byte[][] _scores = [];

    public static long CompressedBytes => Scores.Value.Sum(s => (long)s.Length);

    [GlobalSetup]
    public void Load() => _scores = Scores.Value;

    [Benchmark(Description = "Convert .mxl to ABC")]
    [Processes(typeof(MusicXmlBenchmarks), nameof(CompressedBytes))]
    public int ConvertAll()
    {
        var converted = 0;
        foreach (var score in _scores)
        {
            try
            {
                converted += MusicXmlConverter.ToAbc(score, compressed: true).Length > 0 ? 1 : 0;
            }
            catch (ScoreReadException)
            {
                // counted as not converted; the corpus tests report which and why
            }
        }

        return converted;
    }
}
