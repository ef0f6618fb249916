namespace Clamp.Music.Abc;

/// <summary>Splits a file into its header (the lines before the first <c>X:</c>) and its tunes (each <c>X:</c> to the next).</summary>
internal static class AbcTuneSplitter
{
    public static (Range Header, List<Range> Tunes) Split(string text, List<AbcLine> lines)
    {
        var starts = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].In(text).StartsWith("X:", StringComparison.Ordinal))
            {
                starts.Add(i);
            }
        }

        if (starts.Count == 0)
        {
            // A single tune without a reference number, as users often upload.
            return (new Range(0, 0), HasMusic(text, lines) ? [new Range(0, lines.Count)] : []);
        }

        var tunes = starts.Select((start, i) => new Range(start, i + 1 < starts.Count ? starts[i + 1] : lines.Count)).ToList();
        return (new Range(0, starts[0]), tunes);
    }

    private static bool HasMusic(string text, List<AbcLine> lines) =>
        lines.Any(line => line.In(text) is var span && !span.IsWhiteSpace() && !AbcComments.IsCommentLine(span));
}
