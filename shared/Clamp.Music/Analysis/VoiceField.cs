namespace Clamp.Music.Analysis;

/// <summary>Reads a <c>V:</c> value: <c>1 treble nm="Violin I"</c> or <c>T1 name="Tenor" clef=bass</c>.</summary>
internal static class VoiceField
{
    public static string Id(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        var end = value.IndexOfAny(' ', '\t');
        return (end < 0 ? value : value[..end]).ToString();
    }

    /// <summary>The <c>nm=</c> or <c>name=</c> value, quoted or not; null when absent or empty.</summary>
    public static string? Name(ReadOnlySpan<char> value)
    {
        foreach (var key in (ReadOnlySpan<string>)["nm=", "name="])
        {
            var at = value.IndexOf(key, StringComparison.OrdinalIgnoreCase);
            if (at < 0 || (at > 0 && char.IsAsciiLetter(value[at - 1])))
            {
                continue;
            }

            var rest = value[(at + key.Length)..];
            ReadOnlySpan<char> name;
            if (rest.StartsWith('"'))
            {
                rest = rest[1..];
                var close = rest.IndexOf('"');
                name = close < 0 ? rest : rest[..close];
            }
            else
            {
                var end = rest.IndexOfAny(' ', '\t');
                name = end < 0 ? rest : rest[..end];
            }

            name = name.Trim();
            return name.IsEmpty ? null : name.ToString();
        }

        return null;
    }
}
