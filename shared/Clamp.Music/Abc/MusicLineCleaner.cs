using System.Buffers;
using System.Text;

namespace Clamp.Music.Abc;

/// <summary>
/// Cleans one line of tune body: removes the comment, removes inline text fields (<c>[r:…]</c>, <c>[N:…]</c> …)
/// while keeping inline musical fields (<c>[K:…]</c>, <c>[M:…]</c>, <c>[V:…]</c> …), folds to ASCII and trims the end.
/// Inline fields met are reported so that metadata sees them too. Plain runs of text are copied whole.
/// </summary>
internal static class MusicLineCleaner
{
    private static readonly SearchValues<char> Special = SearchValues.Create("%\"[");
    private static readonly SearchValues<char> NoteLetters = SearchValues.Create("ABCDEFGabcdefg");

    /// <summary>Appends the cleaned line; returns whether it holds a note letter outside quoted strings and fields.</summary>
    public static bool Append(ReadOnlySpan<char> line, StringBuilder output, List<AbcField> inlineFields)
    {
        var contentEnd = output.Length; // end of the last non-white-space character appended
        var inQuote = false;
        var hasNotes = false;
        var lastClose = line.LastIndexOf(']'); // no field can close past it: "[a:[a:[a:…" must not search to the end at every '['
        var i = 0;
        while (i < line.Length)
        {
            var run = line[i..].IndexOfAny(Special) is var next and >= 0 ? line.Slice(i, next) : line[i..];
            AppendFolded(run, output);
            if (!run.IsWhiteSpace())
            {
                contentEnd = output.Length - (run.Length - run.TrimEnd().Length);
            }

            hasNotes |= !inQuote && run.ContainsAny(NoteLetters);
            i += run.Length;
            if (i == line.Length)
            {
                break;
            }

            var c = line[i];
            if (c == '%' && !inQuote && (i == 0 || line[i - 1] != '\\'))
            {
                break;
            }

            if (c == '[' && !inQuote && i < lastClose && IsInlineFieldStart(line, i) && line[i..].IndexOf(']') is var length and > 0)
            {
                var field = new AbcField(line[i + 1], line.Slice(i + 3, length - 3).Trim().ToString());
                inlineFields.Add(field);
                if (field.IsMusical)
                {
                    output.Append('[').Append(field.Name).Append(':').Append(AsciiFolding.Fold(field.Value)).Append(']');
                    contentEnd = output.Length;
                }

                i += length + 1;
                continue;
            }

            inQuote ^= c == '"';
            output.Append(c);
            contentEnd = output.Length;
            i++;
        }

        output.Length = contentEnd;
        return hasNotes;
    }

    private static void AppendFolded(ReadOnlySpan<char> run, StringBuilder output)
    {
        if (AsciiFolding.IsAscii(run))
        {
            output.Append(run);
            return;
        }

        foreach (var c in run)
        {
            AsciiFolding.Append(output, c);
        }
    }

    private static bool IsInlineFieldStart(ReadOnlySpan<char> line, int i) =>
        i + 2 < line.Length && char.IsAsciiLetter(line[i + 1]) && line[i + 2] == ':';
}
