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

        var factory = new ScoreItemFactory(options, new ScoreImporter());
        var sources = new List<(string Name, string Folder, IEnumerable<(ScoreItem? Item, string? Error)> Read)>();
        if (options.IncludeAbc)
        {
            sources.Add(("abc", "abc", new AbcCorpus(factory).Read()));
        }

        if (options.IncludeMusicXml)
        {
            var musicXml = new MusicXmlCorpus(factory);
            var openScore = new OpenScoreCorpus(factory);
            sources.Add(("music21", "musicxml/music21", musicXml.ReadMusic21()));
            sources.Add(("openewld", "musicxml/openewld", musicXml.ReadOpenEwld()));
            sources.Add(("openscore-lieder", "musicxml/openscore-lieder", openScore.ReadLieder()));
            sources.Add(("openscore-quartets", "musicxml/openscore-quartets", openScore.ReadQuartets()));
        }

        if (options.IncludeKern)
        {
            sources.Add(("kern", "kern", new KernCorpus(factory).Read()));
        }

        if (options.IncludeMidi)
        {
            sources.Add(("pop909", "midi/pop909", new Pop909Corpus(factory).Read()));
        }

        var items = new List<ScoreItem>();
        var errors = new List<string>();
        foreach (var (name, folder, read) in sources)
        {
            if (!Directory.Exists(Path.Combine(options.DataRoot, folder)))
            {
                progress?.Invoke($"{name}: absent ({folder} is not in the data folder)");
                continue;
            }

            var (before, failedBefore) = (items.Count, errors.Count);
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

            progress?.Invoke($"{name}: {items.Count - before} scores, {errors.Count - failedBefore} unreadable");
        }

        return new Result(items, errors);
    }
}
