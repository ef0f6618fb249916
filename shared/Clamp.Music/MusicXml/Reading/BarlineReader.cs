using System.Xml.Linq;
using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.MusicXml.Reading;

/// <summary>Applies a <c>&lt;barline&gt;</c> (style, repeat, volta) to its measure.</summary>
internal static class BarlineReader
{
    public static void Apply(XElement barline, PartMeasure measure)
    {
        var left = barline.Attr("location") == "left";
        var repeat = barline.Element("repeat")?.Attr("direction");
        if (repeat == "forward")
        {
            measure.RepeatStart = true;
        }
        else if (repeat == "backward")
        {
            measure.RepeatEnd = true;
        }

        if (barline.Element("ending") is { } ending && ending.Attr("type") == "start")
        {
            var numbers = new string((ending.Attr("number") ?? "").Where(c => char.IsDigit(c) || c == ',').ToArray()).Trim(',');
            measure.Ending = numbers.Length > 0 ? numbers : "1";
        }

        if (!left && barline.Text("bar-style") is { } style)
        {
            measure.RightBar = style switch
            {
                "light-light" or "heavy-heavy" => BarStyle.Double,
                "light-heavy" => BarStyle.Final,
                "heavy-light" => BarStyle.HeavyLight,
                _ => BarStyle.Regular,
            };
        }
    }
}
