using System.Text;

namespace Clamp.Music.Midi;

/// <summary>
/// Joins the lyric events of one track into lines of words. Files space their syllables one of two ways: some write
/// the spaces themselves ("Hel", "lo ", "world "), others write one syllable per event with a hyphen where the word goes on
/// ("Hel-", "lo", "world"). A track with any event that begins or ends with a space is read the first way, the others the
/// second. Either way a trailing hyphen joins the next syllable, and a line break or a karaoke mark ('/' new line,
/// '\' new verse) at the start of an event starts a new line.
/// </summary>
internal static class MidiLyrics
{
    public static IEnumerable<string> Lines(IReadOnlyList<string> syllables)
    {
        var spacedByFile = syllables.Any(s => s[0] == ' ' || s[^1] == ' ');
        var text = new StringBuilder();
        foreach (var syllable in syllables)
        {
            var rest = syllable;
            if (rest[0] is '/' or '\\')
            {
                text.Append('\n');
                rest = rest[1..];
            }

            if (rest.Length > 1 && rest[^1] == '-')
            {
                text.Append(rest.AsSpan(0, rest.Length - 1));
                continue;
            }

            text.Append(rest);
            if (!spacedByFile)
            {
                text.Append(' ');
            }
        }

        return text.ToString().Split('\n')
            .Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Where(line => line.Length > 0);
    }
}
