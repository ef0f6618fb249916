using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.MusicXml.Writing;

/// <summary>Writes note lengths relative to the unit note length <c>L:1/8</c>.</summary>
public static class AbcLength
{
    /// <summary>The unit note length every converted tune uses.</summary>
    public static readonly Fraction Unit = new(1, 8);

    public const string UnitField = "L:1/8";

    /// <summary>"" for one unit, "2", "3/2", "/", "/4" ...</summary>
    public static string Format(Fraction duration)
    {
        var units = duration / Unit;
        return (units.Numerator, units.Denominator) switch
        {
            (1, 1) => "",
            (var n, 1) => $"{n}",
            (1, 2) => "/",
            (1, var d) => $"/{d}",
            (var n, var d) => $"{n}/{d}",
        };
    }
}
