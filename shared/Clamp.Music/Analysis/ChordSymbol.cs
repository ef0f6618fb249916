using System.Text.RegularExpressions;

namespace Clamp.Music.Analysis;

/// <summary>Reads ABC chord symbols (the text of <c>"Am7"</c>, <c>"F#m7b5"</c>, <c>"Cmaj9/E"</c>) into named chords.</summary>
internal static partial class ChordSymbol
{
    /// <summary>
    /// The chord a symbol names, or null for annotations (<c>"^text"</c>, <c>"&lt;(</c> …), "N.C." and anything
    /// that is not a chord. The bass note after '/' is dropped from the name.
    /// </summary>
    public static NamedChord? TryRead(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty || text[0] is < 'A' or > 'G' || text.Length > 24)
        {
            return null;
        }

        var match = SymbolPattern().Match(text.ToString());
        if (!match.Success)
        {
            return null;
        }

        var quality = match.Groups[2].ValueSpan;
        var kind = quality.Contains("9", StringComparison.Ordinal) || quality.Contains("11", StringComparison.Ordinal)
                   || quality.Contains("13", StringComparison.Ordinal) || quality.Contains("add", StringComparison.Ordinal)
            ? ChordKind.Extended
            : quality.ContainsAny('7', '6') ? ChordKind.Seventh : ChordKind.Triad;
        return new NamedChord(match.Groups[1].Value + match.Groups[2].Value, kind);
    }

    [GeneratedRegex(@"^([A-G][#b]?)((?:maj|min|mi|ma|m|M|dim|aug|sus|add|alt|o|\+|-|\^|\d|#|b|\(|\)|,)*)(?:/[A-G][#b]?)?$", RegexOptions.NonBacktracking)]
    private static partial Regex SymbolPattern();
}
