using System.Text.RegularExpressions;
using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.Kern;

/// <summary>
/// Collects Humdrum reference records (<c>!!!OTL: title</c>) as score metadata: the title (<c>OTL</c>) then the
/// alternative titles (<c>OTP</c> popular title, <c>OTA</c> alternative title, and <c>OPT</c>, which the CCARH quartets
/// use for the nickname: "The Frog"), the larger work or group the piece belongs to as the collection (<c>OPR</c>
/// parent work, <c>GTL</c> group title), composers (<c>COM</c>), lyricists (<c>LYR</c>, <c>TXA</c>), arrangers
/// (<c>LAR</c>) and a few notes (opus, catalogue number, movement number and designation, number).
/// Language variants (<c>OTL@EN</c>) count alike; other records are skipped.
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
    private readonly List<string> _alternativeTitles = [];
    private readonly List<string> _collections = [];
    private readonly List<string> _composers = [];
    private readonly List<string> _lyricists = [];
    private readonly List<string> _arrangers = [];
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
            "OTP" or "OTA" or "OPT" => _alternativeTitles,
            "OPR" or "GTL" => _collections,
            "COM" => _composers,
            "LYR" or "TXA" => _lyricists,
            "LAR" => _arrangers,
            _ when NoteLabels.TryGetValue(key, out var label) => Labelled(label),
            _ => null,
        };
        if (list is not null && !list.Contains(value))
        {
            list.Add(value);
        }

        List<string> Labelled(string label)
        {
            value = $"{label}: {value}";
            return _notes;
        }
    }

    public void CopyTo(ScoreMetadata metadata)
    {
        metadata.Titles.AddRange(_titles.Concat(_alternativeTitles));
        metadata.Collections.AddRange(_collections);
        metadata.Composers.AddRange(_composers);
        metadata.Lyricists.AddRange(_lyricists);
        metadata.Arrangers.AddRange(_arrangers);
        metadata.Notes.AddRange(_notes);
    }

    [GeneratedRegex(@"^!!!([A-Z]{3})[0-9]*(?:@+[A-Za-z-]*)?\s*:(.*)$", RegexOptions.NonBacktracking)]
    private static partial Regex RecordPattern();
}
