using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.MusicXml.Writing;

/// <summary>ABC key names (<c>Bb</c>, <c>F#m</c>, <c>Ddor</c>) and the alterations a key signature implies.</summary>
public static class AbcKeys
{
    private const string StepsByFifth = "FCGDAEB";
    private const string Steps = "CDEFGAB";

    /// <summary>The ABC name of a key, e.g. fifths -2 minor is "Gm".</summary>
    public static string Name(KeySignature key)
    {
        var (offset, suffix) = Mode(key.Mode);
        var position = Math.Clamp(key.Fifths, -7, 7) + offset + 1;
        var letter = StepsByFifth[Mod(position, 7)];
        var accidental = (int)Math.Floor(position / 7.0) switch
        {
            < 0 => "b",
            > 0 => "#",
            _ => "",
        };
        return $"{letter}{accidental}{suffix}";
    }

    /// <summary>The alteration (-1, 0, 1) of each step C, D, E, F, G, A, B under the key signature.</summary>
    public static int[] AltersByStep(KeySignature key)
    {
        var alters = new int[7];
        var fifths = Math.Clamp(key.Fifths, -7, 7);
        for (var i = 0; i < Math.Abs(fifths); i++)
        {
            var step = fifths > 0 ? StepsByFifth[i] : StepsByFifth[6 - i];
            alters[StepIndex(step)] = Math.Sign(fifths);
        }

        return alters;
    }

    /// <summary>0..6 for C..B, or -1.</summary>
    public static int StepIndex(char step) => Steps.IndexOf(char.ToUpperInvariant(step));

    /// <summary>The step letter at index 0..6.</summary>
    public static char StepAt(int index) => Steps[index];

    private static (int FifthsOffset, string Suffix) Mode(string mode) => mode.ToLowerInvariant() switch
    {
        "minor" or "aeolian" => (3, "m"),
        "dorian" => (2, "dor"),
        "mixolydian" => (1, "mix"),
        "lydian" => (-1, "lyd"),
        "phrygian" => (4, "phr"),
        "locrian" => (5, "loc"),
        _ => (0, ""),
    };

    private static int Mod(int value, int modulus) => ((value % modulus) + modulus) % modulus;
}
