using System.Text.RegularExpressions;
using Clamp.Music.Patching;

namespace Clamp.Music.Tests.Patching;

/// <summary>
/// A line-by-line port of the original CLaMP-1 <c>MusicPatchilizer.encode</c> (regex split, string
/// concatenation), slow and obviously faithful: the oracle the fast patcher is compared with on random inputs.
/// </summary>
internal static class ReferenceClamp1Patcher
{
    private static readonly string[] Delimiters = ["|:", "::", ":|", "[|", "||", "|]", "|"];
    private static readonly Regex Pattern = new("(" + string.Join("|", Delimiters.Select(Regex.Escape)) + ")");

    /// <summary>The patches, or null where the original routine fails (a body that is a single bar line).</summary>
    public static byte[]? Encode(string music, int maxPatches)
    {
        var lines = AsciiFolding.Fold(music).Split('\n').ToList(); // unidecode(music), with the library's folding
        lines.Remove("");
        var patches = new List<byte[]>();
        var body = "";
        foreach (var line in lines)
        {
            if (line.Length > 1 && ((char.IsLetter(line[0]) && line[1] == ':') || line.StartsWith("%%score", StringComparison.Ordinal)))
            {
                if (body != "")
                {
                    if (SplitBars(body) is not { } bars)
                    {
                        return null;
                    }

                    patches.AddRange(bars.Select(BarToPatch));
                    body = "";
                }

                patches.Add(BarToPatch(line));
            }
            else
            {
                body += line;
            }
        }

        if (body != "")
        {
            if (SplitBars(body) is not { } bars)
            {
                return null;
            }

            patches.AddRange(bars.Select(BarToPatch));
        }

        patches.Add(Enumerable.Repeat(PatchVocabulary.EndOfPatch, 64).ToArray());
        return patches.Take(maxPatches).SelectMany(p => p).ToArray();
    }

    private static List<string>? SplitBars(string body)
    {
        var bars = Pattern.Split(body).Where(s => s != "").ToList();
        if (Delimiters.Contains(bars[0]))
        {
            if (bars.Count < 2)
            {
                return null; // IndexError in the original
            }

            bars[1] = bars[0] + bars[1];
            bars.RemoveAt(0);
        }

        return Enumerable.Range(0, bars.Count / 2).Select(i => bars[2 * i] + bars[(2 * i) + 1]).ToList();
    }

    private static byte[] BarToPatch(string bar)
    {
        var patch = new byte[64];
        var i = 0;
        for (; i < Math.Min(64, bar.Length); i++)
        {
            patch[i] = bar[i] is >= ' ' and < '\u007f' ? (byte)(bar[i] - 31) : (byte)0;
        }

        if (i < 64)
        {
            patch[i] = PatchVocabulary.EndOfPatch;
        }

        return patch;
    }
}
