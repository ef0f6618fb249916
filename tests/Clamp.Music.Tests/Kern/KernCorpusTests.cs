using Clamp.Music.Abc;
using Clamp.Music.Kern;
using Clamp.Music.Tests.MusicXml;
using Clamp.Music.Tests.Support;
using Xunit.Abstractions;

namespace Clamp.Music.Tests.Kern;

/// <summary>Every kern file of the shared corpus (Humdrum composers, quartets, songs); skipped where ../shared is absent.</summary>
public class KernCorpusTests(ITestOutputHelper output)
{
    private const string Corpus = "data/kern";

    [SharedDataFact(Corpus)]
    public void At_least_95_percent_convert_with_one_abc_bar_per_kern_measure_in_every_voice()
    {
        var files = Directory.EnumerateFiles(SharedData.RequirePath(Corpus), "*.krn", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        foreach (var file in files)
        {
            try
            {
                var conversion = KernConverter.Convert(File.ReadAllBytes(file));
                var tune = AbcParser.ParseTune(conversion.Abc);
                var bars = AbcBarCounter.CountPerVoice(tune.MusicText);
                var measures = KernMeasureCounter.Count(File.ReadAllText(file));
                if (conversion.BarCount != measures || bars.Count != conversion.VoiceCount || bars.Values.Any(b => b != measures))
                {
                    failures.Add($"{file}: {measures} measures, {conversion.BarCount} bars, per voice {string.Join(",", bars.Values)}");
                }
                else if (tune.Warnings.Count > 0)
                {
                    failures.Add($"{file}: read back with warnings: {tune.Warnings[0]}");
                }
            }
            catch (ScoreReadException e)
            {
                Assert.NotEqual("kern.unexpected", e.Code);
                failures.Add($"{file}: {e.Code} {e.Message}");
            }
        }

        var converted = files.Count - failures.Count;
        output.WriteLine($"{converted}/{files.Count} converted ({100.0 * converted / files.Count:F1}%)");
        failures.Take(30).ToList().ForEach(output.WriteLine);
        Assert.True(files.Count >= 800, $"expected the Humdrum corpora, found {files.Count} files");
        Assert.True(converted >= files.Count * 0.95, $"{failures.Count} of {files.Count} files failed; first: {failures.FirstOrDefault()}");
    }
}
