using Clamp.Music.Abc;
using Clamp.Music.Patching;

namespace Clamp.Embedding.Benchmarks;

/// <summary>Real tunes for the benchmark: their CLaMP-1 patches (metadata removed) and a description of each.</summary>
public sealed record BenchCorpus(IReadOnlyList<PatchSequence> Scores, IReadOnlyList<string> Texts, string Source)
{
    /// <summary>The Nottingham tunes of ../shared/data when present, else the samples committed in the repository,
    /// cycled to <paramref name="count"/> scores; the first <paramref name="textCount"/> give the texts.</summary>
    public static BenchCorpus Load(string repoRoot, int count, int textCount, int maxPatches)
    {
        var shared = Path.Combine(repoRoot, "..", "shared", "data", "abc", "nottingham", "ABC_cleaned");
        var folder = Directory.Exists(shared) ? shared : Path.Combine(repoRoot, "samples", "abc");
        var tunes = Directory.EnumerateFiles(folder, "*.abc")
            .Order(StringComparer.Ordinal)
            .SelectMany(file => AbcParser.ParseFile(File.ReadAllText(file)).Where(r => r.Succeeded).Select(r => (Tune: r.Tune!, Type: Path.GetFileNameWithoutExtension(file))))
            .Where(t => t.Tune.MusicText.Length > 0)
            .ToList();
        if (tunes.Count == 0)
        {
            throw new InvalidOperationException($"No ABC tunes found in {folder}.");
        }

        var patcher = BarPatcher.For(PatchScheme.Clamp1);
        var chosen = Enumerable.Range(0, count).Select(i => tunes[i * 7919 % tunes.Count]).ToList();
        return new BenchCorpus(
            chosen.Select(t => patcher.Patch(t.Tune.MusicText, maxPatches)).ToList(),
            chosen.Take(textCount).Select(t => Describe(t.Tune.Metadata, t.Type)).ToList(),
            $"{tunes.Count} tunes of {Path.GetFullPath(folder)}");
    }

    private static string Describe(Clamp.Music.TuneMetadata metadata, string type) =>
        $"A {metadata.Rhythm ?? type} in {metadata.Key ?? "an unknown key"}, {metadata.Meter ?? "free"} time, called {metadata.Title ?? "nothing"}";
}
