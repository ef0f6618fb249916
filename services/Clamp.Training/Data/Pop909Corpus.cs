namespace Clamp.Training.Data;

/// <summary>POP909: piano arrangements of Chinese pop songs as MIDI (melody, bridge and piano tracks); title and artist from its index.</summary>
public sealed class Pop909Corpus(ScoreItemFactory factory)
{
    public IEnumerable<(ScoreItem? Item, string? Error)> Read()
    {
        var root = Path.Combine(factory.DataRoot, "midi", "pop909");
        foreach (var row in TsvTable.Read(Path.Combine(root, "index.tsv")))
        {
            var id = row["song_id"];
            var source = new SourceFacts
            {
                Repertoire = Repertoire.PopSong,
                Collection = "the POP909 Chinese pop song arrangements",
                Title = row["name"],
                Artist = row["artist"],
                Region = "China",
            };
            yield return factory.FromFile(Path.Combine(root, "POP909", id, id + ".mid"), "pop909", source);
        }
    }
}
