using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.Kern;

/// <summary>
/// The tuplet a kern duration implies: a duration whose denominator has an odd factor (<c>12</c> is 1/12, a triplet
/// eighth; <c>20</c> a quintuplet sixteenth) is written as a plain length inside an ABC <c>(p:q:r</c> group.
/// </summary>
internal static class KernTuplet
{
    /// <summary>The largest odd factor written as a tuplet; others stay plain rational lengths.</summary>
    private const long MaxActual = 63;

    public static TupletRatio? Of(Fraction duration)
    {
        var odd = duration.Denominator;
        while (odd % 2 == 0)
        {
            odd /= 2;
        }

        if (odd is 1 or > MaxActual)
        {
            return null;
        }

        var normal = 1;
        while (normal * 2 < odd)
        {
            normal *= 2;
        }

        return new TupletRatio((int)odd, normal, Starts: false, Stops: false);
    }
}
