using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.MusicXml.Writing;

/// <summary>Writes note lengths relative to the unit note length <c>L:1/8</c>.</summary>
public static class AbcLength
{
    /// <summary>The unit note length every converted tune uses.</summary>
    public static readonly Fraction Unit = new(1, 8);

    public const string UnitField = "L:1/8";

    private const int Cached = 64;

    /// <summary>The texts of lengths n/d for n, d up to <see cref="Cached"/>, made once: lengths are written for every note.</summary>
    private static readonly string[,] Texts = MakeTexts();

    /// <summary>"" for one unit, "2", "3/2", "/", "/4" ...</summary>
    public static string Format(Fraction duration)
    {
        var units = duration / Unit;
        return units.Numerator is > 0 and <= Cached && units.Denominator <= Cached
            ? Texts[units.Numerator, units.Denominator]
            : Text(units.Numerator, units.Denominator);
    }

    private static string[,] MakeTexts()
    {
        var texts = new string[Cached + 1, Cached + 1];
        for (var n = 1; n <= Cached; n++)
        {
            for (var d = 1; d <= Cached; d++)
            {
                texts[n, d] = Text(n, d);
            }
        }

        return texts;
    }

    private static string Text(long numerator, long denominator) =>
        (numerator, denominator) switch
        {
            (1, 1) => "",
            (var n, 1) => $"{n}",
            (1, 2) => "/",
            (1, var d) => $"/{d}",
            (var n, var d) => $"{n}/{d}",
        };
}
