using System.Security.Cryptography;
using System.Text;
using Clamp.Music;
using Clamp.Music.Abc;

namespace Clamp.Training.Data;

/// <summary>
/// Makes the <see cref="ScoreItem"/> of a score read by Clamp.Music, the same way for every source: its description
/// (<see cref="DescriptionWriter"/>, phrasings drawn with a generator seeded by the score's id, so a dataset is
/// rebuilt identically), the repertoire label, and the split (held-out collections are dev as a whole).
/// </summary>
public sealed class ScoreItemFactory(DatasetOptions options, ScoreImporter importer)
{
    public ScoreImporter Importer => importer;

    public string DataRoot => options.DataRoot;

    public ScoreItem Create(string id, string collection, AbcTune tune, SourceFacts source, Dictionary<string, string>? labels = null)
    {
        var random = new Random(SeedOf(id));
        labels ??= [];
        if (source.Repertoire != Repertoire.ClassicalPiece)
        {
            labels[DevTasks.Repertoire] = source.Repertoire;
        }

        // The music sentences are recorded as the description draws them, so the random draws stay in their order.
        var musicSentences = new List<string>();
        var sentences = DescriptionWriter.Write(source, tune.Metadata, MusicFacts.Sentences(tune, random).Select(s =>
        {
            musicSentences.Add(s);
            return s;
        }), random);
        return new ScoreItem
        {
            Id = id,
            Collection = collection,
            MusicText = tune.MusicText,
            Sentences = sentences,
            Title = source.Title ?? tune.Metadata.Title,
            Composer = source.Composer ?? tune.Metadata.Composer,
            MusicSentences = musicSentences,
            Labels = labels,
            IsDev = options.HeldOutCollections.Contains(collection) || Split.IsDev(id, options.DevShare),
        };
    }

    /// <summary>Reads a single-score file (MusicXML, MIDI, kern) under the data folder: its first tune, or why not.</summary>
    public (string Id, AbcTune? Tune, string? Error) ReadFirst(string path)
    {
        var id = Path.GetRelativePath(options.DataRoot, path).Replace('\\', '/');
        if (!File.Exists(path))
        {
            return (id, null, $"{id}: file not found");
        }

        var tune = importer.Import(path).Tunes.FirstOrDefault();
        return tune?.Tune is { MusicText.Length: > 0 } read
            ? (id, read, null)
            : (id, null, $"{id}: {tune?.Error?.Message ?? "no music"}");
    }

    /// <summary>Reads a single-score file and makes its item, or says why it cannot be read.</summary>
    public (ScoreItem? Item, string? Error) FromFile(string path, string collection, SourceFacts source, Dictionary<string, string>? labels = null)
    {
        var (id, tune, error) = ReadFirst(path);
        return tune is null ? (null, error) : (Create(id, collection, tune, source, labels), null);
    }

    private static int SeedOf(string id) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(id)), 0) & int.MaxValue;
}
