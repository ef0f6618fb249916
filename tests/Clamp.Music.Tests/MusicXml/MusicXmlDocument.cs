using System.Text;
using Clamp.Music.MusicXml;

namespace Clamp.Music.Tests.MusicXml;

/// <summary>Builds small MusicXML documents for tests: parts of measures of raw MusicXML (divisions: 2 per quarter).</summary>
internal static class MusicXmlDocument
{
    public const string DefaultAttributes =
        "<attributes><divisions>2</divisions><key><fifths>0</fifths></key><time><beats>4</beats><beat-type>4</beat-type></time><clef><sign>G</sign><line>2</line></clef></attributes>";

    /// <summary>A score-partwise document; each part is a list of measure contents.</summary>
    public static string Score(params string[][] parts)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<score-partwise version=\"4.0\"><part-list>");
        for (var p = 0; p < parts.Length; p++)
        {
            xml.Append($"<score-part id=\"P{p + 1}\"><part-name>Part {p + 1}</part-name></score-part>");
        }

        xml.Append("</part-list>");
        for (var p = 0; p < parts.Length; p++)
        {
            xml.Append($"<part id=\"P{p + 1}\">");
            for (var m = 0; m < parts[p].Length; m++)
            {
                xml.Append($"<measure number=\"{m + 1}\">").Append(parts[p][m]).Append("</measure>");
            }

            xml.Append("</part>");
        }

        return xml.Append("</score-partwise>").ToString();
    }

    /// <summary>A note: step with optional alter, octave, duration in eighths, and any extra child elements.</summary>
    public static string Note(string step, int octave, int eighths, int alter = 0, string extra = "", string voice = "1", int staff = 1) =>
        $"<note><pitch><step>{step}</step>{(alter != 0 ? $"<alter>{alter}</alter>" : "")}<octave>{octave}</octave></pitch>"
        + $"<duration>{eighths}</duration><voice>{voice}</voice>{extra}<staff>{staff}</staff></note>";

    public static string Rest(int eighths, string voice = "1", int staff = 1) =>
        $"<note><rest/><duration>{eighths}</duration><voice>{voice}</voice><staff>{staff}</staff></note>";

    public static string Backup(int eighths) => $"<backup><duration>{eighths}</duration></backup>";

    public static string ToAbc(string xml) => MusicXmlConverter.ToAbc(Encoding.UTF8.GetBytes(xml), compressed: false);

    /// <summary>The body lines of converted ABC (after the K: line and any V: lines).</summary>
    public static string[] Body(string abc)
    {
        var lines = abc.TrimEnd('\n').Split('\n');
        var k = Array.FindIndex(lines, l => l.StartsWith("K:", StringComparison.Ordinal));
        return lines[(k + 1)..].Where(l => !l.StartsWith("V:", StringComparison.Ordinal)).ToArray();
    }
}
