using System.Xml.Linq;
using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.MusicXml.Reading;

/// <summary>Title, composer and other credits of a score.</summary>
internal static class MetadataReader
{
    public static void Read(XElement score, ScoreMetadata metadata)
    {
        AddIfAny(metadata.Titles, score.Element("work")?.Text("work-title"));
        AddIfAny(metadata.Titles, score.Text("movement-title"));
        if (metadata.Titles.Count == 0)
        {
            AddIfAny(metadata.Titles, score.Elements("credit")
                .FirstOrDefault(c => c.Text("credit-type") == "title")?.Elements("credit-words").FirstOrDefault()?.Value);
        }

        foreach (var creator in score.Element("identification")?.Elements("creator") ?? [])
        {
            var type = creator.Attr("type") ?? "composer";
            if (type == "composer")
            {
                AddIfAny(metadata.Composers, creator.Value);
            }
            else if (!string.IsNullOrWhiteSpace(creator.Value))
            {
                metadata.Notes.Add($"{type}: {creator.Value.Trim()}");
            }
        }
    }

    private static void AddIfAny(List<string> values, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !values.Contains(value.Trim()))
        {
            values.Add(value.Trim());
        }
    }
}
