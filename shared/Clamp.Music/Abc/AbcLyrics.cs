using System.Text;

namespace Clamp.Music.Abc;

/// <summary>
/// The words of a <c>w:</c> line (lyrics aligned to the notes, ABC 2.1 section 4.3): syllables joined by <c>-</c> make
/// one word, the alignment marks <c>_</c> (hold), <c>*</c> (skip a note) and <c>|</c> (next bar) are dropped,
/// <c>~</c> is a space and <c>\-</c> a hyphen. "Hal-le-lu-jah _ * glo - ry" reads "Hallelujah glory".
/// </summary>
internal static class AbcLyrics
{
    public static string Words(string alignedLine)
    {
        var words = new StringBuilder(alignedLine.Length);
        var pendingSpace = false;
        var joined = false;
        for (var i = 0; i < alignedLine.Length; i++)
        {
            var c = alignedLine[i];
            if (c == '\\' && i + 1 < alignedLine.Length && alignedLine[i + 1] == '-')
            {
                Append('-');
                i++;
            }
            else if (c == '-')
            {
                joined = true;
            }
            else if (c == '~')
            {
                pendingSpace = true;
                joined = false;
            }
            else if (char.IsWhiteSpace(c) || c is '_' or '*' or '|' or '\\')
            {
                pendingSpace = true;
            }
            else
            {
                Append(c);
            }
        }

        return words.ToString();

        void Append(char c)
        {
            if (pendingSpace && !joined && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(c);
            (pendingSpace, joined) = (false, false);
        }
    }
}
