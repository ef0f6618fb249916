using Clamp.Music;

namespace Clamp.Training.Data;

/// <summary>Reads every source of <see cref="DatasetOptions"/> into score items; unreadable scores are counted and skipped.</summary>
public sealed class DatasetBuilder(DatasetOptions options)
{
    public sealed record Result(IReadOnlyList<ScoreItem> Items, IReadOnlyList<string> Errors);

    public Result Build(Action<string>? progress = null)
    {
        if (!Directory.Exists(options.DataRoot))
        {
            throw new DirectoryNotFoundException($"The data folder {options.DataRoot} does not exist.");
        }

        var importer = new ScoreImporter();
        var sources = new List<(string Name, IEnumerable<(ScoreItem? Item, string? Error)> Read)>();
        if (options.IncludeAbc)
        {
            sources.Add(("abc", new AbcCorpus(options.DataRoot, importer).Read(options.DevShare)));
        }

        if (options.IncludeMusicXml)
        {
            var musicXml = new MusicXmlCorpus(options.DataRoot, importer);
            sources.Add(("music21", musicXml.ReadMusic21(options.DevShare)));
            sources.Add(("openewld", musicXml.ReadOpenEwld(options.DevShare)));
        }

        var items = new List<ScoreItem>();
        var errors = new List<string>();
        foreach (var (name, read) in sources)
        {
            var before = items.Count;
            foreach (var (item, error) in read)
            {
                if (item is not null)
                {
                    items.Add(item);
                }
                else
                {
                    errors.Add(error!);
                }
            }

            progress?.Invoke($"{name}: {items.Count - before} scores");
        }

        return new Result(items, errors);
    }
}
