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
    public void Every_file_transcribes_to_abc_read_back_without_warnings_and_with_every_bar_in_every_voice()
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
                var tune = AbcParser.ParseTune(conversion.Abc);
                var bars = AbcBarCounter.CountPerVoice(tune.MusicText);
                if (tune.Warnings.Count > 0)
                {
                    failures.Add($"{file}: read back with warnings: {tune.Warnings[0]}");
                }

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
