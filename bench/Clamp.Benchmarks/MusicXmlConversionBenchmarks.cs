using BenchmarkDotNet.Attributes;
using Clamp.Music;
using Clamp.Music.Midi;
using Clamp.Music.MusicXml;

namespace Clamp.Benchmarks;

/// <summary>
/// Score import on the shared corpora, on one thread: the music21 MusicXML corpus (.mxl and .xml: chorales,
/// quartets, piano and vocal scores) and the POP909 MIDI files. The OpenEWLD lead sheets are in <see cref="MusicXmlBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class MusicXmlConversionBenchmarks
{
    private static readonly Lazy<(byte[] Content, bool Compressed)[]> Music21 = new(() =>
        SharedCorpus.Files("musicxml/music21", ".mxl", ".xml", ".musicxml").Select(f => (File.ReadAllBytes(f), f.EndsWith(".mxl", StringComparison.Ordinal))).ToArray());

    private static readonly Lazy<byte[][]> Pop909 = new(() => SharedCorpus.Files("midi", ".mid").Select(File.ReadAllBytes).ToArray());

    private (byte[] Content, bool Compressed)[] _music21 = [];
    private byte[][] _pop909 = [];

    public static long Music21Bytes => Music21.Value.Sum(s => (long)s.Content.Length);

    public static long Pop909Bytes => Pop909.Value.Sum(s => (long)s.Length);

    [GlobalSetup]
    public void Load()
    {
        _music21 = Music21.Value;
        _pop909 = Pop909.Value;
    }

    [Benchmark(Description = "Convert music21 MusicXML corpus to ABC")]
    [Processes(typeof(MusicXmlConversionBenchmarks), nameof(Music21Bytes))]
    public int ConvertMusic21() => CountConverted(_music21, score => MusicXmlConverter.Convert(score.Content, score.Compressed).MeasureCount);

    [Benchmark(Description = "Transcribe POP909 MIDI to ABC")]
    [Processes(typeof(MusicXmlConversionBenchmarks), nameof(Pop909Bytes))]
    public int TranscribePop909() => CountConverted(_pop909, midi => MidiConverter.Convert(midi).BarCount);

    /// <summary>Total measures (bars) of the scores that convert; failures count nothing (the corpus tests report them).</summary>
    private static int CountConverted<T>(IEnumerable<T> inputs, Func<T, int> convert)
    {
        var measures = 0;
        foreach (var input in inputs)
        {
            try
            {
                measures += convert(input);
            }
            catch (ScoreReadException)
            {
                // not converted
            }
        }

        return measures;
    }
}
