using System.Xml.Linq;
using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.MusicXml.Reading;

/// <summary>Reads a parsed MusicXML document (partwise or timewise) into an <see cref="ImportedScore"/>.</summary>
internal static class MusicXmlScoreReader
{
    public static ImportedScore Read(XDocument document, MusicXmlReadOptions options, ParseBudget budget)
    {
        var root = document.Root ?? throw new ScoreReadException("musicxml.invalid", "The document has no root element.");
        root = root.Name.LocalName switch
        {
            "score-partwise" => root,
            "score-timewise" => TimewiseConverter.ToPartwise(root),
            var other => throw new ScoreReadException(
                "musicxml.invalid", $"The root element is <{other}>, not <score-partwise> or <score-timewise>: not a MusicXML score."),
        };
        var names = root.Element("part-list")?.Elements("score-part")
            .GroupBy(p => p.Attr("id") ?? "")
            .ToDictionary(g => g.Key, g => g.First().Text("part-name") ?? "", StringComparer.Ordinal) ?? [];
        var parts = root.Elements("part")
            .Select(part => new PartReader(options, budget).Read(part, names.GetValueOrDefault(part.Attr("id") ?? "", "")))
            .Where(part => part.Measures.Count > 0)
            .ToList();
        if (parts.Count == 0)
        {
            throw new ScoreReadException("musicxml.empty", "The score has no part with any measure.");
        }

        var score = ScoreAssembler.Assemble(parts, options);
        MetadataReader.Read(root, score.Metadata);
        return score;
    }
}
