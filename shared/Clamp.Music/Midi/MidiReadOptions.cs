namespace Clamp.Music.Midi;

/// <summary>Limits and quantisation settings of the MIDI import.</summary>
public sealed record MidiReadOptions
{
    public static MidiReadOptions Default { get; } = new();

    /// <summary>The largest file accepted.</summary>
    public long MaxInputBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>The most track chunks read.</summary>
    public int MaxTracks { get; init; } = 256;

    /// <summary>The most notes in the whole file.</summary>
    public int MaxNotes { get; init; } = 500_000;

    /// <summary>The most bars written.</summary>
    public int MaxBars { get; init; } = 5_000;

    /// <summary>Grid steps per quarter note: 4 quantises to sixteenth notes.</summary>
    public int GridPerQuarter { get; init; } = 4;

    /// <summary>The most ABC voices in all (every voice is written in every bar).</summary>
    public int MaxVoices { get; init; } = 64;

    /// <summary>The most ABC voices one track (or channel) is split into; further overlaps cut earlier notes short.</summary>
    public int MaxVoicesPerPart { get; init; } = 3;

    /// <summary>
    /// The most characters of text read from copyright, text and lyric events, all together; what comes after is left out,
    /// so that a file of large text events cannot fill the memory or the header. Track names are cut one by one instead.
    /// </summary>
    public int MaxMetadataChars { get; init; } = 8_192;
}
