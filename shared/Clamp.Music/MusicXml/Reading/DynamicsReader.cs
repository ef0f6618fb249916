using System.Xml.Linq;

namespace Clamp.Music.MusicXml.Reading;

/// <summary>The dynamic marks of a <c>&lt;direction&gt;</c> as ABC decorations (<c>!p!</c>, <c>!sfz!</c> ...).</summary>
internal static class DynamicsReader
{
    private static readonly HashSet<string> Known = ["pppp", "ppp", "pp", "p", "mp", "mf", "f", "ff", "fff", "ffff", "sfz"];

    public static IEnumerable<string> Decorations(XElement direction) =>
        direction.Elements("direction-type").Elements("dynamics").Elements()
            .Select(mark => mark.Name.LocalName)
            .Where(Known.Contains)
            .Select(mark => $"!{mark}!");

    /// <summary>The staff a direction is for (1 when not given).</summary>
    public static int Staff(XElement direction) => direction.Int("staff") ?? 1;
}
