using Clamp.Music.Abc;

namespace Clamp.Music.Analysis;

/// <summary>The alterations a key signature gives each note letter, read from a <c>K:</c> value.</summary>
internal static class KeySignature
{
    private const string SharpOrder = "FCGDAEB";
    private const string FlatOrder = "BEADGCF";

    /// <summary>Alterations of A to G (index 0 is A): all naturals.</summary>
    public static int[] Natural() => new int[7];

    /// <summary>
    /// Alterations for a key value such as "G", "Ddor", "Bbm"; all naturals for "none"; null when the value names
    /// no key (e.g. only a clef), so that the previous key stays.
    /// </summary>
    public static int[]? TryRead(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.StartsWith("none", StringComparison.OrdinalIgnoreCase))
        {
            return Natural();
        }

        return AbcKey.TryParse(value) is { } key ? ForKey(key.Tonic, key.Mode) : null;
    }

    /// <summary>Alterations for a tonic ("F#", "Bb") and a mode ("major", "dorian" …).</summary>
    public static int[] ForKey(string tonic, string mode)
    {
        var fifths = Fifths(tonic) + ModeOffset(mode);
        var alters = Natural();
        var order = fifths >= 0 ? SharpOrder : FlatOrder;
        var count = Math.Min(Math.Abs(fifths), 7);
        for (var i = 0; i < count; i++)
        {
            alters[order[i] - 'A'] = fifths > 0 ? 1 : -1;
        }

        return alters;
    }

    /// <summary>Position of a major tonic on the circle of fifths: C 0, G 1, F -1, Bb -2 …</summary>
    public static int Fifths(string tonic)
    {
        var fifths = "FCGDAEB".IndexOf(tonic[0]) - 1;
        foreach (var c in tonic.AsSpan(1))
        {
            fifths += c switch { '#' => 7, 'b' => -7, _ => 0 };
        }

        return fifths;
    }

    private static int ModeOffset(string mode) => mode switch
    {
        "lydian" => 1,
        "mixolydian" => -1,
        "dorian" => -2,
        "minor" => -3,
        "phrygian" => -4,
        "locrian" => -5,
        _ => 0,
    };
}
