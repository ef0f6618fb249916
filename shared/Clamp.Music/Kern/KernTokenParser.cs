using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.Kern;

/// <summary>
/// Reads one <c>**kern</c> data token: duration, pitch (<c>c</c> is middle C, <c>cc</c> an octave above, <c>C</c> and
/// <c>CC</c> below), accidentals (<c>#</c>, <c>-</c>, <c>n</c>), rests (<c>r</c>), ties (<c>[</c>, <c>_</c>, <c>]</c>),
/// grace notes (<c>q</c>) and chords (sub-tokens separated by spaces). Other signifiers (articulations, beams,
/// slurs, ornaments) are skipped.
/// </summary>
internal static class KernTokenParser
{
    /// <summary>
    /// The note, chord or rest of a token; null for the null token <c>.</c> or one holding nothing. An unpitched event
    /// with a duration (a spoken rhythm, <c>4X</c>) counts as a rest, so that the bar keeps its length.
    /// </summary>
    /// <exception cref="ScoreReadException">A sub-token's duration cannot be read.</exception>
    public static KernNote? Parse(string token, int line)
    {
        Fraction? duration = null;
        var pitches = new List<NotePitch>();
        bool rest = false, grace = false, invisible = false;
        foreach (var part in token.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            duration ??= KernDuration.Read(part, line);
            grace |= part.Contains('q') || part.Contains('Q');
            invisible |= part.Contains("yy", StringComparison.Ordinal);
            if (ReadPitch(part) is { } pitch)
            {
                pitches.Add(pitch);
            }
            else
            {
                rest |= part.Contains('r');
            }
        }

        if (pitches.Count == 0 && !rest && duration is null)
        {
            return null;
        }

        return duration is { IsPositive: true } length && !grace
            ? new KernNote(length, pitches, Grace: false, invisible && pitches.Count == 0)
            : new KernNote(Fraction.Zero, pitches, Grace: true, Invisible: false);
    }

    /// <summary>The pitch of a sub-token: a run of one letter (its case and length give the octave), then accidentals.</summary>
    private static NotePitch? ReadPitch(string part)
    {
        var start = part.AsSpan().IndexOfAny("abcdefgABCDEFG");
        if (start < 0)
        {
            return null;
        }

        var letter = part[start];
        var end = start;
        while (end < part.Length && part[end] == letter)
        {
            end++;
        }

        var repeats = end - start;
        var octave = char.IsLower(letter) ? 3 + repeats : 4 - repeats;
        var alter = 0;
        for (; end < part.Length && part[end] is '#' or '-' or 'n'; end++)
        {
            alter += part[end] switch { '#' => 1, '-' => -1, _ => 0 };
        }

        var tied = part.Contains('[') || part.Contains('_');
        return new NotePitch(char.ToUpperInvariant(letter), Math.Clamp(alter, -2, 2), Math.Clamp(octave, -1, 10), tied);
    }
}
