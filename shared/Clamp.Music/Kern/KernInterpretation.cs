using System.Globalization;
using System.Text.RegularExpressions;
using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.Kern;

/// <summary>
/// Applies a tandem interpretation of a <c>**kern</c> spine to its state: meters <c>*M3/4</c> (and <c>*met(c)</c>),
/// key signatures <c>*k[f#c#]</c>, keys <c>*G:</c>/<c>*e:</c>/<c>*d:dor</c>, clefs <c>*clefF4</c>, instrument names
/// <c>*I"Violin</c>, <c>*part1</c>, <c>*staff2</c>. Tempo (<c>*MM120</c>) is returned for the whole score.
/// Anything else (expansion lists, instrument codes, layout) is skipped.
/// </summary>
internal static partial class KernInterpretation
{
    /// <summary>Applies <paramref name="token"/>; returns the tempo in quarters per minute when it is a <c>*MM</c>.</summary>
    public static double? Apply(string token, KernTrackState state)
    {
        if (MeterPattern().Match(token) is { Success: true } meter)
        {
            if (int.TryParse(meter.Groups[1].ValueSpan, out var beats) && int.TryParse(meter.Groups[2].ValueSpan, out var beatType)
                && beats is > 0 and <= 256 && beatType is > 0 and <= 256)
            {
                state.Meter = Meter.FromFraction(beats, beatType);
            }
        }
        else if (token.StartsWith("*met(", StringComparison.Ordinal))
        {
            state.Meter = token switch
            {
                "*met(c)" => new Meter("C", new Fraction(1, 1)),
                "*met(c|)" => new Meter("C|", new Fraction(1, 1)),
                _ => state.Meter,
            };
        }
        else if (token.StartsWith("*k[", StringComparison.Ordinal))
        {
            var signature = token.AsSpan(3);
            state.Fifths = Math.Clamp(signature.Count('#') - signature.Count('-'), -7, 7);
        }
        else if (KeyPattern().Match(token) is { Success: true } key)
        {
            state.Mode = Mode(key.Groups[1].Value, key.Groups[2].Value);
        }
        else if (token.StartsWith("*clef", StringComparison.Ordinal))
        {
            state.Clef = Clef(token[5..]);
        }
        else if (token.StartsWith("*I\"", StringComparison.Ordinal))
        {
            state.Name = token[3..].Trim();
        }
        else if (NumberedPattern().Match(token) is { Success: true } numbered && int.TryParse(numbered.Groups[2].ValueSpan, out var number))
        {
            if (numbered.Groups[1].Value == "part")
            {
                state.Part = number;
            }
            else
            {
                state.Staff = number;
            }
        }
        else if (TempoPattern().Match(token) is { Success: true } tempo
            && double.TryParse(tempo.Groups[1].ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out var bpm))
        {
            return bpm;
        }

        return null;
    }

    private static string Mode(string tonic, string mode) => mode.ToLowerInvariant() switch
    {
        "dor" => "dorian",
        "phr" => "phrygian",
        "lyd" => "lydian",
        "mix" => "mixolydian",
        "aeo" => "minor",
        "loc" => "locrian",
        "ion" => "major",
        _ => char.IsLower(tonic[0]) ? "minor" : "major",
    };

    private static string Clef(string name) => name switch
    {
        ['F', ..] => "bass",
        "C3" => "alto",
        "C4" => "tenor",
        "X" => "perc",
        _ => "treble",
    };

    [GeneratedRegex(@"^\*M(\d{1,3})/(\d{1,3})", RegexOptions.NonBacktracking)]
    private static partial Regex MeterPattern();

    [GeneratedRegex(@"^\*([A-Ga-g][#\-]*):([a-z]{3})?$", RegexOptions.NonBacktracking)]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^\*(part|staff)(\d{1,4})$", RegexOptions.NonBacktracking)]
    private static partial Regex NumberedPattern();

    [GeneratedRegex(@"^\*MM\[?(\d{1,4}(?:\.\d+)?)", RegexOptions.NonBacktracking)]
    private static partial Regex TempoPattern();
}
