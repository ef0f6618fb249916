using Clamp.Inference;
using Clamp.Music;

namespace Clamp.Cli.Commands.Local;

/// <summary>
/// Brings a directory's index (<see cref="IndexCacheFile"/>) up to date: files new or changed since they were indexed
/// (by size and last-write time) are read and embedded, in batches; unchanged ones come from the cache; entries of
/// files no longer there are dropped. An unreadable file is recorded with its reason and never stops the run.
/// </summary>
public sealed class LocalIndexer(ClampModel model, TextWriter error)
{
    /// <summary>Tunes embedded per batch: bounds the patches held in memory.</summary>
    private const int BatchTunes = 64;
    private const int PatchBudget = 8192;

    private readonly ScoreImporter _importer = new();
    private readonly List<(string Key, long Size, long Ticks, IReadOnlyList<ScoreTune> Tunes, string? Error)> _pending = [];

    public LocalIndex Update(string root)
    {
        var modelName = model.Manifest.DisplayName;
        var cache = IndexCacheFile.Load(root, modelName, error);
        var current = new Dictionary<string, IndexedFile>(StringComparer.Ordinal);
        var progress = IndexProgress.ForConsole(error);
        var (seen, embedded) = (0, 0);
        foreach (var relative in ScoreTree.RelativeScorePaths(root))
        {
            var file = Path.Combine(root, relative);
            seen++;
            if (cache.TryGetValue(relative, out var indexed) && indexed.IsUnchanged(file))
            {
                current[relative] = indexed;
            }
            else
            {
                Read(file, relative);
                embedded++;
                if (_pending.Sum(p => p.Tunes.Count) >= BatchTunes)
                    Flush(current);
            }

            progress.Report(seen, embedded);
        }

        Flush(current);
        progress.Done();
        IndexCacheFile.Save(root, modelName, current, error);
        var removed = cache.Keys.Count(key => !current.ContainsKey(key));
        return Summarise(current, embedded, removed);
    }

    private void Read(string file, string relative)
    {
        var (size, ticks) = IndexedFile.StampOf(file);
        var (tunes, reason) = ScoreFileTunes.Read(_importer, model.Manifest.Input, file, relative);
        _pending.Add((relative, size, ticks, tunes, reason));
    }

    private void Flush(Dictionary<string, IndexedFile> current)
    {
        var patches = _pending.SelectMany(p => p.Tunes).Select(t => t.Patches).ToList();
        var vectors = patches.Count > 0 ? model.Music.EncodeMany(patches, PatchBudget) : [];
        var next = 0;
        foreach (var pending in _pending)
        {
            var tunes = pending.Tunes.Select(t => new IndexedTune(t.Path, t.Title, vectors[next++])).ToList();
            current[pending.Key] = new IndexedFile(pending.Size, pending.Ticks, pending.Error, tunes);
        }

        _pending.Clear();
    }

    private static LocalIndex Summarise(Dictionary<string, IndexedFile> current, int embedded, int removed)
    {
        var files = current.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        return new LocalIndex(
            files.SelectMany(f => f.Value.Tunes).ToList(),
            embedded,
            files.Count - embedded,
            removed,
            files.Where(f => f.Value.Error is not null).Select(f => new UnreadableFile(f.Key, f.Value.Error!)).ToList());
    }
}
