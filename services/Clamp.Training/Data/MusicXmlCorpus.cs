using Clamp.Music;

namespace Clamp.Training.Data;

/// <summary>
/// The MusicXML collections: the music21 corpus (composer = folder; MusicXML files only) and OpenEWLD lead sheets
/// (title, authors, year, Discogs genre and styles from its index). Converted to ABC by Clamp.Music.
/// </summary>
public sealed class MusicXmlCorpus(string dataRoot, ScoreImporter importer)
{
    private static readonly Dictionary<string, string> ComposerNames = new()
    {
        ["bach"] = "Johann Sebastian Bach",
        ["beethoven"] = "Ludwig van Beethoven",
        ["mozart"] = "Wolfgang Amadeus Mozart",
        ["haydn"] = "Joseph Haydn",
        ["monteverdi"] = "Claudio Monteverdi",
        ["palestrina"] = "Giovanni Pierluigi da Palestrina",
        ["schumann_robert"] = "Robert Schumann",
        ["schumann_clara"] = "Clara Schumann",
        ["schubert"] = "Franz Schubert",
        ["handel"] = "George Frideric Handel",
        ["joplin"] = "Scott Joplin",
        ["schoenberg"] = "Arnold Schoenberg",
        ["webern"] = "Anton Webern",
        ["verdi"] = "Giuseppe Verdi",
        ["weber"] = "Carl Maria von Weber",
    };

    public IEnumerable<(ScoreItem? Item, string? Error)> ReadMusic21(double devShare)
    {
        var root = Path.Combine(dataRoot, "musicxml", "music21");
        foreach (var row in TsvRows(Path.Combine(root, "MANIFEST.tsv")))
        {
            var (path, folder, format) = (StripPrefix(row["path"]), row["collection(composer or source)"], row["format"]);
            if (format is not ("mxl" or "xml" or "musicxml") || !ComposerNames.TryGetValue(folder, out var composer))
            {
                continue;
            }

            var lines = new MetadataLines().Add("Composer", composer);
            yield return Read(Path.Combine(root, path), "music21/" + folder, lines, new Dictionary<string, string> { [DevTasks.Composer] = composer }, devShare);
        }
    }

    public IEnumerable<(ScoreItem? Item, string? Error)> ReadOpenEwld(double devShare)
    {
        var root = Path.Combine(dataRoot, "musicxml", "openewld");
        foreach (var row in TsvRows(Path.Combine(root, "index.tsv")))
        {
            var lines = new MetadataLines()
                .Add("Title", row["title"])
                .Add("Composer", row["authors"])
                .Add("Year", row["year"])
                .Add("Genre", row["genre"])
                .Add("Style", row["styles"]);
            var labels = new Dictionary<string, string>();
            if (!string.IsNullOrWhiteSpace(row["genre"]))
            {
                labels[DevTasks.Genre] = row["genre"].Trim();
            }

            yield return Read(Path.Combine(root, row["path_mxl"]), "openewld", lines, labels, devShare);
        }
    }

    private (ScoreItem? Item, string? Error) Read(string path, string collection, MetadataLines lines, Dictionary<string, string> labels, double devShare)
    {
        var id = Path.GetRelativePath(dataRoot, path).Replace('\\', '/');
        if (!File.Exists(path))
        {
            return (null, $"{id}: file not found");
        }

        var tune = importer.Import(path).Tunes.FirstOrDefault();
        if (tune?.Tune is not { } read || read.MusicText.Length == 0)
        {
            return (null, $"{id}: {tune?.Error?.Message ?? "no music"}");
        }

        foreach (var line in MetadataLines.From(read.Metadata).ToList())
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            lines.Add(line[..colon], line[(colon + 1)..]);
        }

        return (new ScoreItem
        {
            Id = id,
            Collection = collection,
            MusicText = read.MusicText,
            TextLines = lines.ToList(),
            Labels = labels,
            IsDev = Split.IsDev(id, devShare),
        }, null);
    }

    /// <summary>The manifest's paths start with the corpus folder name (music21_corpus/); the files lie without it.</summary>
    private static string StripPrefix(string path) =>
        path.StartsWith("music21_corpus/", StringComparison.Ordinal) ? path["music21_corpus/".Length..] : path;

    private static IEnumerable<Dictionary<string, string>> TsvRows(string path)
    {
        var rows = File.ReadLines(path).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();
        var header = rows[0];
        return rows.Skip(1).Select(cells => header.Select((name, i) => (name, value: i < cells.Length ? cells[i] : ""))
            .ToDictionary(p => p.name, p => p.value));
    }
}
