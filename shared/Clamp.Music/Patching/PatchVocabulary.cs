using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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

    /// <summary>Maps characters to ids into <paramref name="destination"/> (at least as long), 16 at a time where the CPU allows.</summary>
    public static void Encode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, text.Length, nameof(destination));
        var i = 0;
        if (Vector128.IsHardwareAccelerated && text.Length >= Vector128<ushort>.Count)
        {
            ref var source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            ref var target = ref MemoryMarshal.GetReference(destination);
            for (; i <= text.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                var ids = Vector128.Narrow(
                    IdsOf(Vector128.LoadUnsafe(ref source, (nuint)i)),
                    IdsOf(Vector128.LoadUnsafe(ref source, (nuint)(i + Vector128<ushort>.Count))));
                ids.StoreUnsafe(ref target, (nuint)i);
            }

            if (i <= text.Length - Vector128<ushort>.Count)
            {
                var ids = Vector128.Narrow(IdsOf(Vector128.LoadUnsafe(ref source, (nuint)i)), Vector128<ushort>.Zero);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, i), ids.AsUInt64().ToScalar());
                i += Vector128<ushort>.Count;
            }
        }

        for (; i < text.Length; i++)
        {
            destination[i] = IdOf(text[i]);
        }
    }

    /// <summary><see cref="IdOf"/> on eight characters at once.</summary>
    private static Vector128<ushort> IdsOf(Vector128<ushort> characters)
    {
        var offset = characters - Vector128.Create((ushort)FirstPrintable);
        return (offset + Vector128<ushort>.One) & Vector128.LessThan(offset, Vector128.Create((ushort)PrintableCount));
    }
}
