namespace Clamp.Music.MusicXml.Model;

/// <summary>
/// A score read from MusicXML or MIDI, ready to be written as ABC: metadata, voices and bars.
/// Both importers build this model and share one ABC writer.
/// </summary>
public sealed class ImportedScore
{
    public ScoreMetadata Metadata { get; } = new();

    public List<ScoreVoice> Voices { get; } = [];

    public List<ScoreMeasure> Measures { get; } = [];

    /// <summary>Quarter notes per minute, where known.</summary>
    public double? Tempo { get; set; }

    /// <summary>The rest written where a voice has nothing: 'x' (invisible, MusicXML) or 'z' (MIDI).</summary>
    public char GapRest { get; init; } = 'x';

    /// <summary>Notes dropped because they overlapped others in one voice.</summary>
    public int DroppedNotes { get; set; }
}

/// <summary>One ABC voice: a voice of a part on one staff.</summary>
public sealed record ScoreVoice(int PartIndex, int Staff, string Name, string InitialClef);

/// <summary>What a converted score says about itself, written into the ABC header by <c>AbcHeaderWriter</c>.</summary>
public sealed class ScoreMetadata
{
    /// <summary>The title first, then alternative titles; written as <c>T:</c> lines in this order.</summary>
    public List<string> Titles { get; } = [];

    /// <summary>Composers, written as <c>C:</c> lines.</summary>
    public List<string> Composers { get; } = [];

    /// <summary>Authors of the words, written as <c>N:lyricist: NAME</c> (the convention of <see cref="Abc.AbcCredits"/>).</summary>
    public List<string> Lyricists { get; } = [];

    /// <summary>Arrangers, written as <c>N:arranger: NAME</c> (the convention of <see cref="Abc.AbcCredits"/>).</summary>
    public List<string> Arrangers { get; } = [];

    /// <summary>The set, cycle or larger work the piece belongs to (a MusicXML work of several movements), written as <c>B:</c>.</summary>
    public List<string> Collections { get; } = [];

    /// <summary>Who transcribed or encoded the score, written as <c>Z:</c>.</summary>
    public List<string> Transcriptions { get; } = [];

    /// <summary>Free notes (movement, opus, other credits ...), written as ABC <c>N:</c> lines.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Lyrics, one line per verse, written as ABC <c>W:</c> lines.</summary>
    public List<string> Lyrics { get; } = [];
}
