using Clamp.Music.Abc;

namespace Clamp.Benchmarks;

/// <summary>The shared ABC corpus in memory: the files' texts and the music texts of their tunes.</summary>
public sealed class AbcCorpus
{
    private static readonly Lazy<AbcCorpus> Shared = new(() => new AbcCorpus());

    private AbcCorpus()
    {
        FileTexts = SharedCorpus.Files("abc", ".abc").Select(File.ReadAllText).ToArray();
        MusicTexts = FileTexts.SelectMany(AbcParser.ParseFile).Where(r => r.Succeeded).Select(r => r.Tune!.MusicText).ToArray();
    }

    public static AbcCorpus Instance => Shared.Value;

    public string[] FileTexts { get; }

    public string[] MusicTexts { get; }

    public long FileCharacters => FileTexts.Sum(t => (long)t.Length);

    public long MusicCharacters => MusicTexts.Sum(t => (long)t.Length);
}
