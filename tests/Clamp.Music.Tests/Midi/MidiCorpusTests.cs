using Clamp.Music.Abc;
using Clamp.Music.Midi;
using Clamp.Music.Tests.MusicXml;
using Clamp.Music.Tests.Support;
using Xunit.Abstractions;

namespace Clamp.Music.Tests.Midi;

/// <summary>Every MIDI file of the shared corpus (POP909); skipped where ../shared is absent.</summary>
public class MidiCorpusTests(ITestOutputHelper output)
{
    private const string Corpus = "data/midi";

    [SharedDataFact(Corpus)]
    public void Every_file_transcribes_to_abc_whose_voices_all_have_every_bar()
    {
        var files = Directory.EnumerateFiles(SharedData.RequirePath(Corpus), "*.mid", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        var estimated = 0;
        foreach (var file in files)
        {
            try
            {
                var conversion = MidiConverter.Convert(File.ReadAllBytes(file));
                estimated += conversion.KeyEstimated ? 1 : 0;
                var bars = AbcBarCounter.CountPerVoice(AbcParser.ParseTune(conversion.Abc).MusicText);
                if (bars.Count != conversion.VoiceCount || bars.Values.Any(b => b != conversion.BarCount))
                {
                    failures.Add($"{file}: {conversion.BarCount} bars expected, per voice {string.Join(",", bars.Values)}");
                }
            }
            catch (ScoreReadException e)
            {
                failures.Add($"{file}: {e.Code} {e.Message}");
            }
        }

        output.WriteLine($"{files.Count - failures.Count}/{files.Count} transcribed; key estimated for {estimated}");
        failures.Take(20).ToList().ForEach(output.WriteLine);
        Assert.True(files.Count >= 900, $"expected POP909, found {files.Count} files");
        Assert.Empty(failures);
    }
}
