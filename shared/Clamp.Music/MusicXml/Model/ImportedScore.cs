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

public sealed class ScoreMetadata
{
    public List<string> Titles { get; } = [];

    public List<string> Composers { get; } = [];

    /// <summary>Free notes (lyricist, arranger, source ...), written as ABC <c>N:</c> lines.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Lyrics, one line per verse, written as ABC <c>W:</c> lines.</summary>
    public List<string> Lyrics { get; } = [];
}
