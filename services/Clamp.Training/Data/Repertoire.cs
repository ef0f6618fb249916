namespace Clamp.Training.Data;

/// <summary>
/// The broad kind of music a score is, from its source: the labels of the <c>repertoire</c> dev task and the noun
/// the descriptions use ("This is a string quartet.").
/// </summary>
public static class Repertoire
{
    public const string FolkTune = "folk tune";
    public const string FolkSong = "folk song";
    public const string Chorale = "chorale";
    public const string ChoralWork = "choral work";
    public const string ArtSong = "art song";
    public const string StringQuartet = "string quartet";
    public const string PianoPiece = "piano piece";
    public const string PopSong = "pop song";
    public const string LeadSheet = "lead sheet";
    public const string ClassicalPiece = "classical piece";

    /// <summary>The longer phrase a description uses for a repertoire, as people would write it.</summary>
    public static string Phrase(string repertoire) => repertoire switch
    {
        FolkTune => "traditional folk tune",
        FolkSong => "traditional folk song",
        Chorale => "four-part chorale harmonisation for choir",
        ChoralWork => "piece of vocal polyphony for choir",
        ArtSong => "art song for voice and piano",
        StringQuartet => "string quartet for two violins, viola and cello",
        PianoPiece => "piece for solo piano",
        PopSong => "pop song arranged for piano",
        LeadSheet => "jazz or pop lead sheet with melody and chord symbols",
        _ => repertoire,
    };
}
