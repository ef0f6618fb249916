namespace Clamp.Music.Patching;

/// <summary>The patch id vocabulary of docs/model-format.md.</summary>
public static class PatchVocabulary
{
    /// <summary>Padding, and any character that is not printable ASCII.</summary>
    public const byte Pad = 0;

    public const byte Mask = 96;

    /// <summary>End of a patch shorter than the patch length; a patch of only these ends the sequence.</summary>
    public const byte EndOfPatch = 97;

    public const int Size = 98;

    public const int PatchLength = 64;

    private const int FirstPrintable = 32;
    private const int PrintableCount = 95;

    /// <summary>Printable ASCII 32..126 -> 1..95, everything else -> <see cref="Pad"/>.</summary>
    public static byte IdOf(char c)
    {
        var offset = (uint)(c - FirstPrintable);
        return offset < PrintableCount ? (byte)(offset + 1) : Pad;
    }

    /// <summary>The character of a character id (1..95), or null for the special ids.</summary>
    public static char? CharOf(byte id) =>
        id is >= 1 and <= PrintableCount ? (char)(id + FirstPrintable - 1) : null;

    /// <summary>Maps characters to ids into <paramref name="destination"/> (same length).</summary>
    public static void Encode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        for (var i = 0; i < text.Length; i++)
        {
            destination[i] = IdOf(text[i]);
        }
    }
}
