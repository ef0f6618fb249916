using Clamp.Music.Abc;
using Clamp.Music.Tests.Support;

namespace Clamp.Music.Tests.Analysis;

/// <summary>Tunes from committed samples: the repository's samples/abc and the tests' Samples folder.</summary>
internal static class AnalysisSamples
{
    /// <summary>A tune of a file under the repository's samples/abc, by title.</summary>
    public static AbcTune RepositoryAbc(string file, string title)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Clamp.Platform.sln")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "samples", "abc", file);
        return AbcParser.ParseFile(File.ReadAllText(path)).Select(t => t.Tune).OfType<AbcTune>().Single(t => t.Metadata.Title == title);
    }

    /// <summary>The only tune of a file under the tests' Samples folder, imported as the platform does (conversion included).</summary>
    public static AbcTune Imported(string name) => new ScoreImporter().Import(Samples.PathOf(name)).Succeeded.First();

    public static AbcTune Abc(string text) => AbcParser.ParseTune(text);
}
