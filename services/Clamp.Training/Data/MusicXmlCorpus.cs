namespace Clamp.Training.Data;

/// <summary>
/// The music21 corpus (composer = folder; MusicXML and kern files) and OpenEWLD lead sheets (title, authors, year,
/// Discogs genre and styles from its index). Converted to ABC by Clamp.Music.
/// </summary>
public sealed class MusicXmlCorpus(ScoreItemFactory factory)
{
    private static readonly Dictionary<string, (string Name, string Repertoire)> Music21Folders = new()
    {
        ["bach"] = ("Johann Sebastian Bach", Repertoire.Chorale),
        ["beethoven"] = ("Ludwig van Beethoven", Repertoire.ClassicalPiece),
        ["mozart"] = ("Wolfgang Amadeus Mozart", Repertoire.ClassicalPiece),
        ["haydn"] = ("Joseph Haydn", Repertoire.ClassicalPiece),
        ["monteverdi"] = ("Claudio Monteverdi", Repertoire.ChoralWork),
        ["palestrina"] = ("Giovanni Pierluigi da Palestrina", Repertoire.ChoralWork),
        ["schumann_robert"] = ("Robert Schumann", Repertoire.ClassicalPiece),
        ["schumann_clara"] = ("Clara Schumann", Repertoire.ClassicalPiece),
        ["schubert"] = ("Franz Schubert", Repertoire.ClassicalPiece),
        ["handel"] = ("George Frideric Handel", Repertoire.ClassicalPiece),
        ["joplin"] = ("Scott Joplin", Repertoire.PianoPiece),
        ["schoenberg"] = ("Arnold Schoenberg", Repertoire.ClassicalPiece),
        ["webern"] = ("Anton Webern", Repertoire.ClassicalPiece),
        ["verdi"] = ("Giuseppe Verdi", Repertoire.ClassicalPiece),
        ["weber"] = ("Carl Maria von Weber", Repertoire.ClassicalPiece),
    };

    public IEnumerable<(ScoreItem? Item, string? Error)> ReadMusic21()
    {
        var root = Path.Combine(factory.DataRoot, "musicxml", "music21");
        foreach (var row in TsvTable.Read(Path.Combine(root, "MANIFEST.tsv")))
        {
            var (path, folder, format) = (StripPrefix(row["path"]), row["collection(composer or source)"], row["format"]);
            if (format is not ("mxl" or "xml" or "musicxml" or "krn") || !Music21Folders.TryGetValue(folder, out var known))
            {
                continue;
            }

            var source = new SourceFacts { Repertoire = known.Repertoire, Composer = known.Name, Collection = "the music21 corpus" };
            yield return factory.FromFile(Path.Combine(root, path), "music21/" + folder, source, new() { [DevTasks.Composer] = known.Name });
        }
    }

    public IEnumerable<(ScoreItem? Item, string? Error)> ReadOpenEwld()
    {
        var root = Path.Combine(factory.DataRoot, "musicxml", "openewld");
        foreach (var row in TsvTable.Read(Path.Combine(root, "index.tsv")))
        {
            var source = new SourceFacts
            {
                Repertoire = Repertoire.LeadSheet,
                Collection = "the OpenEWLD lead sheets",
                Title = row["title"],
                Composer = row["authors"],
                Year = row["year"],
                Genre = row["genre"],
                Styles = row["styles"],
            };
            var labels = new Dictionary<string, string>();
            if (row["genre"].Length > 0)
            {
                labels[DevTasks.Genre] = row["genre"];
            }

            yield return factory.FromFile(Path.Combine(root, row["path_mxl"]), "openewld", source, labels);
        }
    }

    /// <summary>The manifest's paths start with the corpus folder name (music21_corpus/); the files lie without it.</summary>
    private static string StripPrefix(string path) =>
        path.StartsWith("music21_corpus/", StringComparison.Ordinal) ? path["music21_corpus/".Length..] : path;
}
