namespace Clamp.Music.MusicXml;

/// <summary>Limits applied to every MusicXML or <c>.mxl</c> input before and while it is read.</summary>
public sealed record MusicXmlReadOptions
{
    public static MusicXmlReadOptions Default { get; } = new();

    /// <summary>The largest input accepted, as uploaded (compressed for <c>.mxl</c>).</summary>
    public long MaxInputBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>The largest XML document accepted (after decompression for <c>.mxl</c>).</summary>
    public long MaxXmlBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>The most entries an <c>.mxl</c> archive may hold.</summary>
    public int MaxArchiveEntries { get; init; } = 256;

    /// <summary>The highest uncompressed/compressed size ratio allowed for an archive entry (MusicXML compresses about 10-30x).</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>Entries smaller than this are not checked for their ratio (tiny files compress unpredictably).</summary>
    public long RatioCheckThresholdBytes { get; init; } = 1024 * 1024;

    /// <summary>The most measures per part.</summary>
    public int MaxMeasures { get; init; } = 20_000;

    /// <summary>The most notes, rests and chords in the whole score.</summary>
    public int MaxNotes { get; init; } = 2_000_000;

    /// <summary>The most ABC voices (parts x staves x voices).</summary>
    public int MaxVoices { get; init; } = 128;
}
