using Clamp.Music.Abc;
using Clamp.Music.MusicXml.Writing;

namespace Clamp.Music.Analysis;

/// <summary>The alterations a key signature gives each note letter, read from a <c>K:</c> value.</summary>
internal static class KeySignature
{
    /// <summary>Alterations of the steps C to B (index as <see cref="AbcKeys.StepIndex"/>): all naturals.</summary>
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

    /// <summary>Alterations (steps C to B) for a tonic ("F#", "Bb") and a mode ("major", "dorian" …).</summary>
    public static int[] ForKey(string tonic, string mode) =>
        AbcKeys.AltersByStep(new MusicXml.Model.KeySignature(Fifths(tonic) + ModeOffset(mode), "major"));

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
