namespace Clamp.Training.Data;

/// <summary>The zero-shot classification tasks measured on the dev split.</summary>
public static class DevTasks
{
    /// <summary>Nottingham (tune type from the file name) and O'Neill's (R:).</summary>
    public const string TuneType = "tune-type";

    /// <summary>Essen folk songs: the country or region of O:, in English.</summary>
    public const string Region = "region";

    /// <summary>music21 corpus MusicXML: the composer folder.</summary>
    public const string Composer = "composer";

    /// <summary>OpenEWLD lead sheets: the Discogs genre.</summary>
    public const string Genre = "genre";

    public static readonly IReadOnlyList<string> All = [TuneType, Region, Composer, Genre];
}
