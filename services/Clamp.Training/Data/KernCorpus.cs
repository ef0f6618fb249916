namespace Clamp.Training.Data;

/// <summary>
/// The Humdrum **kern collections (piano sonatas, mazurkas, preludes, rags, keyboard sonatas, string quartets, songs and
/// ballads), read by Clamp.Music's kern reader; composer and genre from <c>kern/MANIFEST.tsv</c>.
/// </summary>
public sealed class KernCorpus(ScoreItemFactory factory)
{
    public IEnumerable<(ScoreItem? Item, string? Error)> Read()
    {
        var root = Path.Combine(factory.DataRoot, "kern");
        foreach (var row in TsvTable.Read(Path.Combine(root, "MANIFEST.tsv")))
        {
            var genre = row["genre_label"];
            var composer = row["!!!COM"].Length > 0 ? PersonNames.Readable(row["!!!COM"]) : row["composer_label"];
            var source = new SourceFacts
            {
                Repertoire = RepertoireOf(genre),
                Collection = "the Humdrum kern scores",
                Title = row["!!!OTL"],
                Composer = composer == "Traditional" ? null : composer,
                TuneType = TypeOf(genre),
                UseFileNotes = false,
            };
            var labels = row["composer_label"] is { Length: > 0 } label && label != "Traditional"
                ? new Dictionary<string, string> { [DevTasks.KernComposer] = label }
                : null;
            yield return factory.FromFile(Path.Combine(root, row["path"]), "kern/" + row["collection"], source, labels);
        }
    }

    /// <summary>The manifest's genre label as prose: "rag/piano" -> "piano rag".</summary>
    private static string TypeOf(string genre) => genre switch
    {
        "rag/piano" => "piano rag",
        "song (voice+piano)" => "song for voice and piano",
        "Child ballad (folk)" => "Child ballad",
        _ => genre,
    };

    private static string RepertoireOf(string genre) => genre switch
    {
        "string quartet" => Repertoire.StringQuartet,
        "Child ballad (folk)" => Repertoire.FolkSong,
        "song" or "song (voice+piano)" => Repertoire.ArtSong,
        _ => Repertoire.PianoPiece,
    };
}
