namespace Clamp.Music.Abc;

/// <summary>A field (<c>T:Title</c>, <c>K:D</c>, <c>+:continued</c>): its one-letter name and its value, comment removed and trimmed.</summary>
public readonly record struct AbcField(char Name, string Value)
{
    /// <summary>Whether a line is a field line: a letter (or '+') then ':' at its start.</summary>
    public static bool TryRead(ReadOnlySpan<char> line, out AbcField field)
    {
        if (line.Length >= 2 && line[1] == ':' && (char.IsAsciiLetter(line[0]) || line[0] == '+'))
        {
            field = new AbcField(line[0], AbcComments.Strip(line[2..]).Trim().ToString());
            return true;
        }

        field = default;
        return false;
    }

    /// <summary>Fields that are part of the music and stay in the music text; all others are metadata.</summary>
    public bool IsMusical => IsMusicalName(Name);

    public static bool IsMusicalName(char name) => name is 'K' or 'L' or 'M' or 'Q' or 'V' or 'I' or 'P' or 'U' or 'm' or 's';

    public override string ToString() => $"{Name}:{Value}";
}
