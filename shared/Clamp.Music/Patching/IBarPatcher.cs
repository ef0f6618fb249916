namespace Clamp.Music.Patching;

/// <summary>Cuts the music text of one tune (metadata already removed) into patches. Thread-safe.</summary>
public interface IBarPatcher
{
    PatchScheme Scheme { get; }

    /// <summary>
    /// The patches of <paramref name="musicText"/>, the end-of-sequence patch included, cut to
    /// <paramref name="maxPatches"/> patches. Non-ASCII text is first folded to ASCII (é -> e), as CLaMP's
    /// unidecode step does; characters that stay outside printable ASCII (tabs …) become the pad id.
    /// </summary>
    PatchSequence Patch(ReadOnlySpan<char> musicText, int maxPatches = DefaultMaxPatches);

    /// <inheritdoc cref="Patch(ReadOnlySpan{char}, int)"/>
    PatchSequence Patch(string musicText, int maxPatches = DefaultMaxPatches) => Patch(musicText.AsSpan(), maxPatches);

    public const int DefaultMaxPatches = 512;
}
