using System.Xml.Linq;

namespace Clamp.Music.MusicXml.Reading;

/// <summary>Turns <c>score-timewise</c> (measures holding parts) into <c>score-partwise</c> (parts holding measures).</summary>
internal static class TimewiseConverter
{
    public static XElement ToPartwise(XElement timewise)
    {
        var partwise = new XElement("score-partwise", timewise.Attributes());
        partwise.Add(timewise.Elements().Where(e => e.Name.LocalName != "measure"));
        var parts = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var measure in timewise.Elements("measure"))
        {
            foreach (var part in measure.Elements("part"))
            {
                var id = part.Attr("id") ?? "";
                if (!parts.TryGetValue(id, out var target))
                {
                    parts[id] = target = new XElement("part", new XAttribute("id", id));
                    partwise.Add(target);
                }

                target.Add(new XElement("measure", measure.Attributes(), part.Elements()));
            }
        }

        return partwise;
    }
}
