namespace Clamp.Music.Abc;

/// <summary>One tune read from an ABC file: its metadata and its music text with the metadata removed.</summary>
public sealed record AbcTune
{
    /// <summary>Zero-based index of the tune in its file.</summary>
    public required int TuneIndex { get; init; }

    /// <summary>One-based line of the tune's first line (its <c>X:</c>) in the file.</summary>
    public required int StartLine { get; init; }

    public required TuneMetadata Metadata { get; init; }

    /// <summary>
    /// The music: musical fields (<c>L: M: K: Q: V: I: P: U: m: s:</c>, <c>%%score</c>) and the body, without text
    /// fields, lyrics and comments, ASCII only, one line per line. This is what is patched.
    /// </summary>
    public required string MusicText { get; init; }

    /// <summary>Things that were odd but not fatal (with their line), e.g. a key that could not be read.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
