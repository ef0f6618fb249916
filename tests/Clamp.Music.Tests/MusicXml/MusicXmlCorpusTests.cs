using Clamp.Music.Abc;
using Clamp.Music.MusicXml;
using Clamp.Music.Tests.Support;
using Xunit.Abstractions;

namespace Clamp.Music.Tests.MusicXml;

/// <summary>Every MusicXML file of the shared corpus (music21 and OpenEWLD); skipped where ../shared is absent.</summary>
public class MusicXmlCorpusTests(ITestOutputHelper output)
{
    private const string Corpus = "data/musicxml";

    [SharedDataFact(Corpus)]
    public void At_least_95_percent_convert_and_read_back_without_warnings_with_the_source_measure_count_in_every_voice()
    {
        var files = Directory.EnumerateFiles(SharedData.RequirePath(Corpus), "*", SearchOption.AllDirectories)
            .Where(IsMusicXml)
            .Order(StringComparer.Ordinal)
            .ToList();
        var failures = new List<string>();
        var readBackProblems = new List<string>();
        foreach (var file in files)
        {
            try
            {
                var conversion = MusicXmlConverter.Convert(File.ReadAllBytes(file), file.EndsWith(".mxl", StringComparison.Ordinal));
                var tune = AbcParser.ParseTune(conversion.Abc);
                var bars = AbcBarCounter.CountPerVoice(tune.MusicText);
                if (tune.Warnings.Count > 0)
                {
                    readBackProblems.Add($"{file}: read back with warnings: {tune.Warnings[0]}");
                }

                if (bars.Count != conversion.VoiceCount || bars.Values.Any(b => b != conversion.MeasureCount))
                {
                    readBackProblems.Add($"{file}: {conversion.MeasureCount} measures, bars per voice {string.Join(",", bars.Values)}");
                }
            }
            catch (ScoreReadException e)
            {
                failures.Add($"{file}: {e.Code} {e.Message}");
            }
        }

        var rate = 1.0 - ((double)failures.Count / files.Count);
        output.WriteLine($"{files.Count - failures.Count}/{files.Count} converted ({rate:P1}); {readBackProblems.Count} read back with a bar count differing from the measures or with warnings");
        failures.Concat(readBackProblems).Take(20).ToList().ForEach(output.WriteLine);
        Assert.True(files.Count > 900, $"expected the whole corpus, found {files.Count} files");
        Assert.True(rate >= 0.95, $"only {rate:P1} converted");
        Assert.DoesNotContain(failures, f => f.Contains(".unexpected", StringComparison.Ordinal));
        Assert.Empty(readBackProblems);
    }

    private static bool IsMusicXml(string path) =>
        Path.GetExtension(path) is ".mxl" or ".xml" or ".musicxml" && !path.EndsWith("container.xml", StringComparison.Ordinal);
}
