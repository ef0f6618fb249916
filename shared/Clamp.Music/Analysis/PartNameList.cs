using System.Text.RegularExpressions;

namespace Clamp.Music.Analysis;

/// <summary>Turns part names as written ("Violin I", "Violin II", "Viola", "Violoncello") into words ("two violins, viola and cello").</summary>
internal static partial class PartNameList
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["violoncello"] = "cello", ["vln"] = "violin", ["vla"] = "viola", ["vc"] = "cello", ["pno"] = "piano",
        ["pianoforte"] = "piano", ["klavier"] = "piano", ["stimme"] = "voice", ["singstimme"] = "voice",
    };

    /// <summary>Names grouped, in order of first appearance: "two violins", "viola"; empty names are dropped.</summary>
    public static IReadOnlyList<string> Group(IReadOnlyList<string> names)
    {
        var counts = new List<(string Name, int Count)>();
        foreach (var raw in names)
        {
            var name = Normalise(raw);
            if (name.Length == 0)
            {
                continue;
            }

            var at = counts.FindIndex(c => c.Name == name);
            if (at < 0)
            {
                counts.Add((name, 1));
            }
            else
            {
                counts[at] = (name, counts[at].Count + 1);
            }
        }

        return counts.Select(c => c.Count == 1 ? c.Name : $"{EnglishWords.Number(c.Count)} {EnglishWords.Plural(c.Name)}").ToList();
    }

    /// <summary>Lower case, without numbering ("Violin II" is "violin", "Horn in F 1" is "horn in f") or a final dot.</summary>
    private static string Normalise(string name)
    {
        var cleaned = Numbering().Replace(name.Trim().TrimEnd('.'), "").Trim().ToLowerInvariant();
        return Aliases.TryGetValue(cleaned, out var alias) ? alias : cleaned;
    }

    [GeneratedRegex(@"(\s+(?:[IV]+|\d+)\.?)+$", RegexOptions.NonBacktracking)]
    private static partial Regex Numbering();
}
