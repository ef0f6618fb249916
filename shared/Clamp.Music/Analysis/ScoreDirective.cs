namespace Clamp.Music.Analysis;

/// <summary>Reads <c>%%score</c> and <c>%%staves</c> directives.</summary>
internal static class ScoreDirective
{
    /// <summary>
    /// Parts named at the top level: <c>1 {(2 3) | (4 5 6)}</c> is two (a braced group is one instrument), and
    /// <c>1 (2 3) (4 5 6)</c> three. Null when the line names none.
    /// </summary>
    public static int? CountParts(ReadOnlySpan<char> line)
    {
        var space = line.IndexOf(' ');
        if (space < 0)
        {
            return null;
        }

        var depth = 0;
        var parts = 0;
        var inName = false;
        foreach (var c in line[(space + 1)..])
        {
            var startsItem = c is '(' or '{' or '[' || (char.IsAsciiLetterOrDigit(c) && !inName);
            if (startsItem && depth == 0)
            {
                parts++;
            }

            depth += c switch { '(' or '{' or '[' => 1, ')' or '}' or ']' => -1, _ => 0 };
            depth = Math.Max(depth, 0);
            inName = char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.';
        }

        return parts > 0 ? parts : null;
    }
}
