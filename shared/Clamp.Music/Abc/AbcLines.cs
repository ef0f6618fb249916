namespace Clamp.Music.Abc;

/// <summary>The lines of an ABC text ('\n', '\r\n' or '\r' endings), each with its one-based number.</summary>
public static class AbcLines
{
    public static List<AbcLine> Split(string text)
    {
        var lines = new List<AbcLine>();
        var span = text.AsSpan();
        var start = 0;
        var number = 1;
        while (start <= span.Length)
        {
            var rest = span[start..];
            var end = rest.IndexOfAny('\n', '\r');
            if (end < 0)
            {
                lines.Add(new AbcLine(number, start, rest.Length));
                break;
            }

            lines.Add(new AbcLine(number++, start, end));
            var isCrLf = rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n';
            start += end + (isCrLf ? 2 : 1);
        }

        return lines;
    }
}

/// <summary>A line of a text by position, so that splitting allocates no strings.</summary>
public readonly record struct AbcLine(int Number, int Start, int Length)
{
    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);
}
