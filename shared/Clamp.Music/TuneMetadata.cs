namespace Clamp.Music;

/// <summary>
/// What a score says about itself: the text fields (kept out of the music text) and the normalised
/// musical facts usable as search filters.
/// </summary>
public sealed record TuneMetadata
{
    /// <summary>The tune's reference number (<c>X:</c>), where it has one.</summary>
    public string? ReferenceNumber { get; init; }

    /// <summary>Every title (<c>T:</c> lines of the header), in order: the first is the title, the others alternative titles.</summary>
    public IReadOnlyList<string> Titles { get; init; } = [];

    public string? Title => Titles.Count > 0 ? Titles[0] : null;

    /// <summary>The titles after the first: other names the piece is known by.</summary>
    public IReadOnlyList<string> AlternativeTitles => Titles.Count > 1 ? Titles.Skip(1).ToList() : [];

    public string? Composer { get; init; }

    /// <summary>Author of the words: <c>N:lyricist: NAME</c> lines (see <see cref="Abc.AbcCredits"/>).</summary>
    public string? Lyricist { get; init; }

    /// <summary>Arranger: <c>N:arranger: NAME</c> lines (see <see cref="Abc.AbcCredits"/>).</summary>
    public string? Arranger { get; init; }

    /// <summary>Rhythm or tune type (<c>R:</c>), lower case: "reel", "jig", "slip jig" …</summary>
    public string? Rhythm { get; init; }

    /// <summary>Origin (<c>O:</c>) and area (<c>A:</c>).</summary>
    public string? Origin { get; init; }

    /// <summary>Notes (<c>N:</c>), one line each; the lyricist and arranger lines are read into their own fields, not kept here.</summary>
    public string? Notes { get; init; }

    public string? Source { get; init; }

    /// <summary>Book or collection (<c>B:</c>).</summary>
    public string? Book { get; init; }

    public string? History { get; init; }

    public string? Transcription { get; init; }

    /// <summary>
    /// Words and lyrics, one line per field: <c>W:</c> as written, <c>w:</c> (words aligned to notes) with its syllables
    /// joined into words (ABC 2.1 section 4.3).
    /// </summary>
    public string? Lyrics { get; init; }

    /// <summary>Normalised meter, e.g. "6/8" (C is "4/4", C| is "2/2"); null for free meter or none given.</summary>
    public string? Meter { get; init; }

    /// <summary>Normalised key: tonic and mode, e.g. "D major", "E dorian", "A minor".</summary>
    public string? Key { get; init; }

    /// <summary>Tonic of <see cref="Key"/>: "D", "F#", "Bb".</summary>
    public string? KeyTonic { get; init; }

    /// <summary>Mode of <see cref="Key"/>: major, minor, dorian, phrygian, lydian, mixolydian or locrian.</summary>
    public string? KeyMode { get; init; }

    /// <summary>Unit note length (<c>L:</c>), e.g. "1/8".</summary>
    public string? UnitLength { get; init; }

    /// <summary>Tempo as written (<c>Q:</c>), e.g. "1/4=120".</summary>
    public string? Tempo { get; init; }

    /// <summary>Beats per minute read from <see cref="Tempo"/>.</summary>
    public int? BeatsPerMinute { get; init; }

    /// <summary>Voice ids (<c>V:</c> fields and inline <c>[V:]</c>), in order of first use.</summary>
    public IReadOnlyList<string> Voices { get; init; } = [];

    /// <summary>Every field as written, by field letter (<c>T</c>, <c>N</c> …), values in order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Fields { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();
}
