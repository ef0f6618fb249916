using Clamp.Music.Abc;
using Clamp.Music.Patching;
using Clamp.Music.Tests.Support;
using Xunit.Abstractions;

namespace Clamp.Music.Tests.Abc;

/// <summary>Every tune of the shared ABC corpus (12,922 tunes), checked against the corpus's own manifest.</summary>
public class AbcCorpusTests(ITestOutputHelper output)
{
    private const string Corpus = "data/abc";

    [SharedDataFact(Corpus)]
    public void Every_tune_of_the_corpus_is_read_and_matches_the_manifest()
    {
        var root = SharedData.RequirePath(Corpus);
        var manifest = File.ReadLines(Path.Combine(root, "MANIFEST.tsv")).Skip(1)
            .Select(line => line.Split('\t').Select(Unquote).ToArray())
            .GroupBy(row => row[0][(Corpus.Length - "data/".Length + 1)..])
            .ToDictionary(g => g.Key, g => g.ToList());
        var mismatches = new List<string>();
        var tunes = 0;

        foreach (var (file, rows) in manifest)
        {
            var results = AbcParser.ParseFile(File.ReadAllText(Path.Combine(root, file)));
            Assert.Equal(rows.Count, results.Count);
            foreach (var (row, result) in rows.Zip(results))
            {
                Assert.True(result.Succeeded, $"{file}: {result.Error?.Message}");
                tunes++;
                var metadata = result.Tune!.Metadata;
                Expect(file, row[1], "X", row[1], metadata.ReferenceNumber);
                Expect(file, row[1], "title", NullIfEmpty(row[3]), metadata.Title);
                Expect(file, row[1], "rhythm", NullIfEmpty(row[4])?.ToLowerInvariant(), metadata.Rhythm);
                Expect(file, row[1], "origin", NullIfEmpty(row[5]), metadata.Origin);
                if (row[6].Length > 0)
                {
                    // The manifest reads the first M: field; the parser takes the meter in force at the first bar, which
                    // differs where an M: after K: precedes the music (Nottingham's jigs: M:4/4 … K:A, then M:6/8).
                    var meters = metadata.Fields.GetValueOrDefault("M") ?? [];
                    Expect(file, row[1], "first meter", AbcMeter.NormaliseMeter(row[6]), meters.Count > 0 ? AbcMeter.NormaliseMeter(meters[0]) : null);
                    if (metadata.Meter is not null && !meters.Select(m => AbcMeter.NormaliseMeter(m)).Contains(metadata.Meter))
                    {
                        mismatches.Add($"{file} X:{row[1]} meter: parsed '{metadata.Meter}' is none of the tune's M: fields");
                    }
                }

                Expect(file, row[1], "key", AbcKey.TryParse(row[7])?.Normalised, metadata.Key);
            }
        }

        output.WriteLine($"{tunes} tunes read, {mismatches.Count} manifest mismatches");
        mismatches.Take(20).ToList().ForEach(output.WriteLine);
        Assert.Equal(12_922, tunes);
        Assert.Empty(mismatches);

        void Expect(string file, string x, string what, string? expected, string? actual)
        {
            if (Printable(expected) != Printable(actual))
            {
                mismatches.Add($"{file} X:{x} {what}: manifest '{expected}', parsed '{actual}'");
            }
        }
    }

    [SharedDataFact(Corpus)]
    public void Corpus_patches_stay_under_one_patch_per_ten_characters()
    {
        var patcher = BarPatcher.For(PatchScheme.Clamp1);
        long characters = 0, patches = 0;
        foreach (var tune in CorpusTunes())
        {
            var sequence = patcher.Patch(tune.MusicText);
            Assert.True(sequence.Count is > 1 and <= IBarPatcher.DefaultMaxPatches);
            characters += tune.MusicText.Length;
            patches += sequence.Count;
        }

        var ratio = (double)patches / characters;
        output.WriteLine($"{patches:N0} patches / {characters:N0} characters = {ratio:P2}");
        Assert.InRange(ratio, 0.01, 0.10);
    }

    internal static IEnumerable<AbcTune> CorpusTunes() =>
        Directory.EnumerateFiles(SharedData.RequirePath(Corpus), "*.abc", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(file => AbcParser.ParseFile(File.ReadAllText(file)))
            .Where(result => result.Succeeded)
            .Select(result => result.Tune!);

    /// <summary>The manifest quotes values that hold quotes, CSV-style.</summary>
    private static string Unquote(string value) =>
        value.Length > 1 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : value;

    /// <summary>Only printable ASCII: the manifest was written with some non-ASCII characters mis-decoded.</summary>
    private static string? Printable(string? value) => value is null ? null : new string(value.Where(c => c is >= ' ' and < '\u007f').ToArray());

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
