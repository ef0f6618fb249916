namespace Clamp.Music.Kern;

/// <summary>Limits applied to every Humdrum <c>**kern</c> input while it is read.</summary>
public sealed record KernReadOptions
{
    public static KernReadOptions Default { get; } = new();

    /// <summary>The largest file accepted.</summary>
    public long MaxInputBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>The most spines (columns) active at once, after splits.</summary>
    public int MaxSpines { get; init; } = 256;

    /// <summary>The most ABC voices (kern spines and their sub-spines).</summary>
    public int MaxVoices { get; init; } = 128;

    /// <summary>The most measures.</summary>
    public int MaxMeasures { get; init; } = 20_000;

    /// <summary>The most notes, rests and chords in the whole score.</summary>
    public int MaxNotes { get; init; } = 2_000_000;
}
