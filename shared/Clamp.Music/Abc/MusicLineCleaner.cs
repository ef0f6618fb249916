using System.Text;

namespace Clamp.Music.Abc;

/// <summary>
/// Cleans one line of tune body: removes the comment, removes inline text fields (<c>[r:…]</c>, <c>[N:…]</c> …)
/// while keeping inline musical fields (<c>[K:…]</c>, <c>[M:…]</c>, <c>[V:…]</c> …), folds to ASCII and trims the end.
/// Inline fields met are reported so that metadata sees them too.
/// </summary>
internal static class MusicLineCleaner
{
    public static void Append(ReadOnlySpan<char> line, StringBuilder output, List<AbcField> inlineFields)
    {
        var start = output.Length;
        var inQuote = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '%' && !inQuote && (i == 0 || line[i - 1] != '\\'))
            {
                break;
            }

            if (c == '"')
            {
                inQuote = !inQuote;
            }
            else if (!inQuote && IsInlineFieldStart(line, i) && line[i..].IndexOf(']') is var length and > 0)
            {
                var field = new AbcField(line[i + 1], line.Slice(i + 3, length - 3).Trim().ToString());
                inlineFields.Add(field);
                if (field.IsMusical)
                {
                    output.Append('[').Append(field.Name).Append(':').Append(AsciiFolding.Fold(field.Value)).Append(']');
                }

                i += length;
                continue;
            }

            AsciiFolding.Append(output, c);
        }

        var end = output.Length;
        while (end > start && char.IsWhiteSpace(output[end - 1]))
        {
            end--;
        }

        output.Length = end;
    }

    private static bool IsInlineFieldStart(ReadOnlySpan<char> line, int i) =>
        line[i] == '[' && i + 2 < line.Length && char.IsAsciiLetter(line[i + 1]) && line[i + 2] == ':';
}
