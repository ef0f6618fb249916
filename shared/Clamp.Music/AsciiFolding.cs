using System.Text;

namespace Clamp.Music;

/// <summary>
/// Folds text to ASCII, as CLaMP's unidecode step does for the common cases: letters lose their
/// diacritics (é -> e), a few ligatures are spelled out (ß -> ss, æ -> ae), typographic quotes and
/// dashes become ASCII, anything else becomes '?'.
/// </summary>
public static class AsciiFolding
{
    private static readonly Dictionary<char, string> Spelled = new()
    {
        ['ß'] = "ss", ['æ'] = "ae", ['Æ'] = "AE", ['œ'] = "oe", ['Œ'] = "OE", ['ø'] = "o", ['Ø'] = "O",
        ['ð'] = "d", ['Ð'] = "D", ['þ'] = "th", ['Þ'] = "Th", ['ł'] = "l", ['Ł'] = "L", ['ı'] = "i",
        ['‘'] = "'", ['’'] = "'", ['‚'] = "'", ['“'] = "\"", ['”'] = "\"", ['„'] = "\"",
        ['–'] = "-", ['—'] = "-", ['…'] = "...", ['\u00a0'] = " ", ['♯'] = "#", ['♭'] = "b", ['♮'] = "=",
    };

    public static bool IsAscii(ReadOnlySpan<char> text) => Ascii.IsValid(text);

    public static void Append(StringBuilder output, char c)
    {
        if (c < 128)
        {
            output.Append(c);
        }
        else if (Spelled.TryGetValue(c, out var spelled))
        {
            output.Append(spelled);
        }
        else if (char.IsSurrogate(c))
        {
            if (char.IsHighSurrogate(c))
            {
                output.Append('?');
            }
        }
        else
        {
            output.Append(BaseLetter(c) ?? '?');
        }
    }

    /// <summary>The text itself when it is ASCII (no copy), else its folded copy.</summary>
    public static ReadOnlySpan<char> Fold(ReadOnlySpan<char> text) => IsAscii(text) ? text : Fold(text.ToString());

    public static string Fold(string text)
    {
        if (IsAscii(text))
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            Append(output, c);
        }

        return output.ToString();
    }

    /// <summary>
    /// The base letter of each character from U+00C0 to U+024F ('?' where there is none), from the Unicode
    /// canonical decompositions (the runtime's own normalisation is not available in invariant globalisation mode).
    /// </summary>
    private const string LatinBaseLetters =
        "AAAAAA?CEEEEIIII?NOOOOO??UUUUY??aaaaaa?ceeeeiiii?nooooo??uuuuy?yAaAaAaCcCcCcCcDd??EeEeEeEeEeGgGgGgGgHh??IiIiIiIiI???JjKk?LlLlLl????NnNnNn???OoOoOo??RrRrRrSsSsSsSsTtTt??UuUuUuUuUuUuWwYyYZzZzZz?????????" +
        "????????????????????????Oo?????????????Uu????????????????????????????AaIiOoUuUuUuUuUu?AaAa????GgKkOoOo??j???Gg??NnAa????AaAaEeEeIiIiOoOoRrRrUuUuSsTt??Hh??????AaEeOoOoOoOoYy????????????????????????????";

    private const char FirstLatin = '\u00c0';

    private static char? BaseLetter(char c) =>
        c >= FirstLatin && c - FirstLatin < LatinBaseLetters.Length && LatinBaseLetters[c - FirstLatin] is var letter and not '?'
            ? letter
            : null;
}
