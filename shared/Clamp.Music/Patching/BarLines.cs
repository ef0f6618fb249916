using System.Buffers;

namespace Clamp.Music.Patching;

/// <summary>Finds ABC bar lines the way CLaMP-1 does: at the leftmost position, trying <c>|: :: :| [| || |] |</c> in order.</summary>
internal static class BarLines
{
    private static readonly SearchValues<char> FirstChars = SearchValues.Create("|:[");

    /// <summary>The index of the next bar line at or after <paramref name="from"/>, or -1; its length in <paramref name="length"/>.</summary>
    public static int FindNext(ReadOnlySpan<char> text, int from, out int length)
    {
        while (from < text.Length)
        {
            var offset = text[from..].IndexOfAny(FirstChars);
            if (offset < 0)
            {
                break;
            }

            var index = from + offset;
            length = LengthAt(text, index);
            if (length > 0)
            {
                return index;
            }

            from = index + 1;
        }

        length = 0;
        return -1;
    }

    private static int LengthAt(ReadOnlySpan<char> text, int index)
    {
        var next = index + 1 < text.Length ? text[index + 1] : '\0';
        return (text[index], next) switch
        {
            ('|', ':') => 2,
            (':', ':') => 2,
            (':', '|') => 2,
            ('[', '|') => 2,
            ('|', '|') => 2,
            ('|', ']') => 2,
            ('|', _) => 1,
            _ => 0,
        };
    }
}
