namespace Clamp.Music.Midi;

/// <summary>What the converter needs from a Standard MIDI File: notes per part (track and channel), the meta events and their text.</summary>
internal sealed class MidiSequence(int ticksPerQuarter)
{
    public int TicksPerQuarter { get; } = ticksPerQuarter;

    public List<MidiPart> Parts { get; } = [];

    public List<(long Tick, int Numerator, int Denominator)> TimeSignatures { get; } = [];

    public List<(long Tick, int Fifths, bool Minor)> KeySignatures { get; } = [];

    /// <summary>Microseconds per quarter note of the first tempo event.</summary>
    public int? MicrosecondsPerQuarter { get; set; }

    /// <summary>The name of the first track when it holds no notes (the sequence name in a format-1 file).</summary>
    public string? Title { get; set; }

    /// <summary>Copyright ("copyright: …") and text events, in file order.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>The words of the lyric events, one line per sung line, track after track.</summary>
    public List<string> Lyrics { get; } = [];
}

/// <summary>The notes of one channel of one track.</summary>
internal sealed record MidiPart(int Track, int Channel, string Name, List<MidiNote> Notes);

/// <summary>A sounding note: key number 0..127, start and end in ticks.</summary>
internal readonly record struct MidiNote(int Key, long Start, long End);
