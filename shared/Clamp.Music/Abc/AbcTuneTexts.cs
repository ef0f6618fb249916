namespace Clamp.Music.Abc;

/// <summary>
/// Cuts a multi-tune ABC file into the source text of each tune, so that each can be stored and read as a score
/// of its own. Tunes are cut where <see cref="AbcParser"/> cuts them (at each <c>X:</c>); the file header (the
/// lines before the first <c>X:</c>) is put in front of every tune, since it applies to all of them.
/// </summary>
public static class AbcTuneTexts
{
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = AbcLines.Split(text);
        var (header, tunes) = AbcTuneSplitter.Split(text, lines);
        var headerText = TextOf(text, lines, header);
        var prefix = string.IsNullOrWhiteSpace(headerText) ? "" : headerText.TrimEnd() + "\n\n";
        return tunes.Select(tune => prefix + TextOf(text, lines, tune).TrimEnd() + "\n").ToList();
    }

    private static string TextOf(string text, List<AbcLine> lines, Range range)
    {
        var (offset, count) = range.GetOffsetAndLength(lines.Count);
        if (count == 0)
        {
            return "";
        }

        var first = lines[offset];
        var last = lines[offset + count - 1];
        return text[first.Start..(last.Start + last.Length)];
    }
}
