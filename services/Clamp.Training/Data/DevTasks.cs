namespace Clamp.Training.Data;

/// <summary>The zero-shot classification (and linear-probe) tasks measured on the dev split.</summary>
public static class DevTasks
{
    /// <summary>Nottingham (tune type from the file name) and O'Neill's (R:).</summary>
    public const string TuneType = "tune-type";

    /// <summary>Ceol Rince na hÉireann (R:): a collection held out of training entirely; polka and slide appear nowhere else.</summary>
    public const string HeldOutTuneType = "cre-tune-type";

    /// <summary>Essen folk songs: the country or region of O:, in English.</summary>
    public const string Region = "region";

    /// <summary>music21 corpus MusicXML: the composer folder.</summary>
    public const string Composer = "composer";

    /// <summary>OpenEWLD lead sheets: the Discogs genre.</summary>
    public const string Genre = "genre";

    /// <summary>OpenScore Lieder art songs: the composer.</summary>
    public const string SongComposer = "song-composer";

    /// <summary>Humdrum kern piano and quartet scores: the composer.</summary>
    public const string KernComposer = "kern-composer";

    /// <summary>Every source: the broad repertoire (<see cref="Data.Repertoire"/>).</summary>
    public const string Repertoire = "repertoire";

    public static readonly IReadOnlyList<string> All = [TuneType, HeldOutTuneType, Region, Composer, Genre, SongComposer, KernComposer, Repertoire];
}
