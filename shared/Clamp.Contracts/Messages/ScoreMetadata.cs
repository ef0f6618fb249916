namespace Clamp.Contracts.Messages;

/// <summary>
/// Descriptive metadata of a score: what the uploader said plus what was read from the file.
/// Text fields feed the text side of search results; the normalised fields are search filters.
/// </summary>
public sealed record ScoreMetadata
{
    public string? Title { get; init; }
    /// <summary>Other titles the piece is known by (later ABC <c>T:</c> lines, a MIDI file's other names …).</summary>
    public IReadOnlyList<string> AlternativeTitles { get; init; } = [];
    public string? Composer { get; init; }
    /// <summary>Author of the words (MusicXML creator "lyricist", kern <c>LYR</c>/<c>TXA</c>).</summary>
    public string? Lyricist { get; init; }
    /// <summary>Arranger (MusicXML creator "arranger", kern <c>LAR</c>).</summary>
    public string? Arranger { get; init; }
    /// <summary>The book, set or larger work the piece belongs to (ABC <c>B:</c>, MusicXML work title of a movement).</summary>
    public string? Collection { get; init; }
    /// <summary>Tune type or rhythm, lower case ("jig", "reel", "waltz" …).</summary>
    public string? Type { get; init; }
    public string? Origin { get; init; }
    /// <summary>Normalised key, e.g. "D major", "E dorian".</summary>
    public string? Key { get; init; }
    /// <summary>Normalised meter, e.g. "6/8".</summary>
    public string? Meter { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Free notes about the piece (ABC <c>N:</c>, MIDI text events, kern comments of record).</summary>
    public string? Notes { get; init; }
    /// <summary>Lyrics, one line per verse (ABC <c>W:</c>/<c>w:</c>, MusicXML lyrics by verse, MIDI lyric events).</summary>
    public string? Lyrics { get; init; }
    /// <summary>Any other named field (source, history, genre …).</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();
}
