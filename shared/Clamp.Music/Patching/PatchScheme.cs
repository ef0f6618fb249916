namespace Clamp.Music.Patching;

/// <summary>How music text is cut into patches. The model's manifest names the scheme it was trained with.</summary>
public enum PatchScheme
{
    /// <summary>
    /// The original CLaMP-1 bar patching: one patch per field line, the body joined across lines and cut
    /// into bars; text after the last bar line is dropped, bars longer than a patch are truncated.
    /// </summary>
    Clamp1,

    /// <summary>
    /// A lossless per-line variant: one patch per field line, each body line cut into bars on its own
    /// (the rest of a line after its last bar line is kept as a bar), and a bar longer than a patch
    /// continued in further patches. Same vocabulary as <see cref="Clamp1"/>.
    /// </summary>
    LineBars,
}
