using System.Text.RegularExpressions;
using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.Kern;

/// <summary>
/// Collects Humdrum reference records (<c>!!!OTL: title</c>) as score metadata: titles (<c>OTL</c> first, then the
/// parent work's <c>OPT</c>/<c>OPR</c>; ABC <c>T:</c>), composers (<c>COM</c>; <c>C:</c>) and a few notes (opus,
/// catalogue number, movement; <c>N:</c>). Language variants (<c>OTL@EN</c>) count alike; other records are skipped.
/// </summary>
internal sealed partial class KernReferenceRecords
{
    private static readonly Dictionary<string, string> NoteLabels = new(StringComparer.Ordinal)
    {
        ["OPS"] = "opus",
        ["SCT"] = "catalogue",
        ["OMV"] = "movement",
        ["OMD"] = "movement designation",
        ["ONM"] = "number",
        ["CDT"] = "composer dates",
    };

    private readonly List<string> _titles = [];
    private readonly List<string> _parentTitles = [];
    private readonly List<string> _composers = [];
    private readonly List<string> _notes = [];

    /// <summary>Reads one <c>!!!</c> line; lines that are not reference records are ignored.</summary>
    public void Read(string line)
    {
        if (RecordPattern().Match(line) is not { Success: true } record || record.Groups[2].Value.Trim() is not { Length: > 0 } value)
        {
            return;
        }

        var key = record.Groups[1].Value;
        var list = key switch
        {
            "OTL" => _titles,
            "OPT" or "OPR" => _parentTitles,
            "COM" => _composers,
            _ when NoteLabels.TryGetValue(key, out var label) => Labelled(label),
            _ => null,
        };
        list?.Add(value);

        List<string> Labelled(string label)
        {
            value = $"{label}: {value}";
            return _notes;
        }
    }

    public void CopyTo(ScoreMetadata metadata)
    {
        metadata.Titles.AddRange(_titles.Concat(_parentTitles));
        metadata.Composers.AddRange(_composers);
        metadata.Notes.AddRange(_notes);
    }

    [GeneratedRegex(@"^!!!([A-Z]{3})[0-9]*(?:@+[A-Za-z-]*)?\s*:(.*)$")]
    private static partial Regex RecordPattern();
}
