using System.Text.RegularExpressions;

namespace Clamp.Music.Tests.MusicXml;

/// <summary>
/// Counts the bars of each voice in ABC music text (as <c>AbcParser</c> returns it): a bar is music up to a bar line
/// holding at least one note or rest. Inline fields, chord symbols and decorations are not music.
/// </summary>
public static partial class AbcBarCounter
{
    public static IReadOnlyDictionary<string, int> CountPerVoice(string musicText)
    {
        var bars = new Dictionary<string, int>(StringComparer.Ordinal);
        var voice = "1";
        foreach (var rawLine in musicText.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.StartsWith("V:", StringComparison.Ordinal))
            {
                voice = line[2..].Trim().Split(' ')[0];
                continue;
            }

            if (line.Length == 0 || line.StartsWith('%') || (line.Length > 1 && char.IsLetter(line[0]) && line[1] == ':'))
            {
                continue;
            }

            if (LeadingVoice().Match(line) is { Success: true } match)
            {
                voice = match.Groups[1].Value;
                line = line[match.Length..];
            }

            bars[voice] = bars.GetValueOrDefault(voice) + CountBars(line);
        }

        return bars;
    }

    private static int CountBars(string line)
    {
        var music = NotMusic().Replace(line, "");
        var count = 0;
        var hasContent = false;
        for (var i = 0; i < music.Length; i++)
        {
            var c = music[i];
            if (c is '|' || (c == ':' && i + 1 < music.Length && music[i + 1] is '|' or ':') || (c == '[' && i + 1 < music.Length && music[i + 1] == '|'))
            {
                if (hasContent)
                {
                    count++;
                }

                hasContent = false;
                while (i + 1 < music.Length && music[i + 1] is '|' or ':' or ']')
                {
                    i++;
                }
            }
            else if (c is (>= 'A' and <= 'G') or (>= 'a' and <= 'g') or 'z' or 'x' or 'Z')
            {
                hasContent = true;
            }
        }

        return count;
    }

    [GeneratedRegex(@"^\[V:\s*([^\]\s]+)[^\]]*\]")]
    private static partial Regex LeadingVoice();

    [GeneratedRegex("\\[[A-Za-z]:[^\\]]*\\]|\"[^\"]*\"|![^!]*!")]
    private static partial Regex NotMusic();
}
