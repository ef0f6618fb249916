using System.Xml.Linq;
using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.MusicXml.Reading;

/// <summary>
/// Title, set and credits of a score. A movement of a larger work (a song of a cycle, a movement of a quartet) has both
/// a <c>&lt;movement-title&gt;</c> and a different <c>&lt;work-title&gt;</c>: the movement title is the title and the
/// work is the collection ("Chant d'automne" from "6 Mélodies"). With one of them only, or both alike, it is the title;
/// with neither, the first credit of type "title". The movement and work numbers become notes.
/// </summary>
internal static class MetadataReader
{
    public static void Read(XElement score, ScoreMetadata metadata)
    {
        var work = score.Element("work");
        var workTitle = Trimmed(work?.Text("work-title"));
        var movementTitle = Trimmed(score.Text("movement-title"));
        if (workTitle is not null && movementTitle is not null && !string.Equals(workTitle, movementTitle, StringComparison.OrdinalIgnoreCase))
        {
            AddIfAny(metadata.Titles, movementTitle);
            AddIfAny(metadata.Collections, workTitle);
        }
        else
        {
            AddIfAny(metadata.Titles, movementTitle ?? workTitle ?? score.Elements("credit")
                .FirstOrDefault(c => c.Text("credit-type") == "title")?.Elements("credit-words").FirstOrDefault()?.Value);
        }

        AddIfAny(metadata.Notes, Labelled("movement", score.Text("movement-number")));
        AddIfAny(metadata.Notes, Labelled("work number", work?.Text("work-number")));
        foreach (var creator in score.Element("identification")?.Elements("creator") ?? [])
        {
            CreatorRoles.Add(metadata, creator.Attr("type"), creator.Value);
        }
    }

    private static string? Labelled(string label, string? value) => Trimmed(value) is { } text ? $"{label}: {text}" : null;

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static void AddIfAny(List<string> values, string? value)
    {
        if (Trimmed(value) is { } text && !values.Contains(text))
        {
            values.Add(text);
        }
    }
}
