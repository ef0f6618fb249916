namespace Clamp.Music.Patching;

/// <summary>Line-level rules shared by the patch schemes.</summary>
internal static class MusicLines
{
    /// <summary>A field line (a letter then ':', e.g. <c>K:D</c>, <c>V:1</c>) or a <c>%%score</c> line: one patch on its own.</summary>
    public static bool IsPatchOnItsOwn(ReadOnlySpan<char> line) =>
        line.Length > 1 && ((char.IsLetter(line[0]) && line[1] == ':') || line.StartsWith("%%score", StringComparison.Ordinal));

    /// <summary>The next line of <paramref name="text"/> from <paramref name="position"/> (split on '\n', as CLaMP does).</summary>
    public static ReadOnlySpan<char> Next(ReadOnlySpan<char> text, ref int position)
    {
        var rest = text[position..];
        var end = rest.IndexOf('\n');
        if (end < 0)
        {
            position = text.Length + 1;
            return rest;
        }

        position += end + 1;
        return rest[..end];
    }
}
