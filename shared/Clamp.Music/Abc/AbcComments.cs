namespace Clamp.Music.Abc;

/// <summary>ABC comments: '%' to the end of the line, unless escaped (<c>\%</c>) or inside a quoted string.</summary>
public static class AbcComments
{
    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> line)
    {
        var index = CommentStart(line);
        return index < 0 ? line : line[..index];
    }

    /// <summary>Index of the '%' that starts the comment, or -1.</summary>
    public static int CommentStart(ReadOnlySpan<char> line)
    {
        var inQuote = false;
        for (var i = 0; i < line.Length; i++)
        {
            switch (line[i])
            {
                case '\\':
                    i++;
                    break;
                case '"':
                    inQuote = !inQuote;
                    break;
                case '%' when !inQuote:
                    return i;
            }
        }

        return -1;
    }

    /// <summary>A line that is only a comment or a directive (starts with '%').</summary>
    public static bool IsCommentLine(ReadOnlySpan<char> line) => line.TrimStart().StartsWith('%');

    /// <summary>A <c>%%score</c> or <c>%%staves</c> directive: how voices are grouped, kept in the music.</summary>
    public static bool IsVoiceGrouping(ReadOnlySpan<char> line) =>
        line.StartsWith("%%score", StringComparison.Ordinal) || line.StartsWith("%%staves", StringComparison.Ordinal);

    /// <summary><c>%%begintext</c>: free text (not music) follows up to <c>%%endtext</c>.</summary>
    public static bool IsTextBlockStart(ReadOnlySpan<char> line) => line.StartsWith("%%begintext", StringComparison.Ordinal);

    public static bool IsTextBlockEnd(ReadOnlySpan<char> line) => line.StartsWith("%%endtext", StringComparison.Ordinal);
}
