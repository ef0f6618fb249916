using System.Text.RegularExpressions;

namespace Clamp.Music.Abc;

/// <summary>
/// Normalises <c>M:</c>, <c>L:</c> and <c>Q:</c> values into filter-friendly strings. The patterns run on untrusted
/// text, so they use the non-backtracking engine: linear in the value's length by construction (a backtracking search
/// for a meter in a run of digits took time quadratic in its length).
/// </summary>
public static partial class AbcMeter
{
    /// <summary>
    /// "6/8" stays "6/8"; "C" is "4/4", "C|" is "2/2"; "2+3/8" stays; Essen's "FREI4/4" is "4/4";
    /// "none", empty or unreadable values are null.
    /// </summary>
    public static string? NormaliseMeter(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.Equals("C", StringComparison.Ordinal))
        {
            return "4/4";
        }

        if (value.Equals("C|", StringComparison.Ordinal))
        {
            return "2/2";
        }

        var match = MeterPattern().Match(value.ToString());
        return match.Success ? $"{match.Groups[1].Value}/{match.Groups[2].Value}" : null;
    }

    /// <summary>"1/8" from "1/8"; null when the value is not a fraction.</summary>
    public static string? NormaliseUnitLength(ReadOnlySpan<char> value)
    {
        var match = FractionPattern().Match(value.Trim().ToString());
        return match.Success ? $"{match.Groups[1].Value}/{match.Groups[2].Value}" : null;
    }

    /// <summary>Beats per minute of a tempo such as "1/4=120", "\"Allegro\" 3/8=100" or "120".</summary>
    public static int? BeatsPerMinute(ReadOnlySpan<char> value)
    {
        var match = TempoPattern().Match(value.Trim().ToString());
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, out var bpm) && bpm is > 0 and < 1000 ? bpm : null;
    }

    [GeneratedRegex(@"(\d+(?:\+\d+)*)\s*/\s*(\d+)", RegexOptions.NonBacktracking)]
    private static partial Regex MeterPattern();

    [GeneratedRegex(@"^(\d+)\s*/\s*(\d+)", RegexOptions.NonBacktracking)]
    private static partial Regex FractionPattern();

    [GeneratedRegex(@"(?:=\s*|^)(\d+)\s*$", RegexOptions.NonBacktracking)]
    private static partial Regex TempoPattern();
}
