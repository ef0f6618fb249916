namespace Clamp.Music.Abc;

/// <summary>A key read from a <c>K:</c> value: tonic and mode, e.g. "D major", "E dorian".</summary>
public sealed record AbcKey(string Tonic, string Mode)
{
    private static readonly Dictionary<string, string> Modes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["maj"] = "major", ["ion"] = "major",
        ["min"] = "minor", ["aeo"] = "minor", ["m"] = "minor",
        ["dor"] = "dorian", ["phr"] = "phrygian", ["lyd"] = "lydian",
        ["mix"] = "mixolydian", ["loc"] = "locrian",
    };

    public string Normalised => $"{Tonic} {Mode}";

    public override string ToString() => Normalised;

    /// <summary>
    /// Reads a key such as "G", "Gm", "F#min", "Bb", "A Dorian", "Dmix", "E minor clef=bass".
    /// A mode word is recognised by its first three letters (ionian is major, aeolian minor); clefs and
    /// explicit accidentals after it are ignored. Null for "none", highland-pipe keys (HP) and anything else.
    /// </summary>
    public static AbcKey? TryParse(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.IsEmpty || value[0] is < 'A' or > 'G')
        {
            return null;
        }

        var tonic = value[0].ToString();
        var rest = value[1..];
        if (!rest.IsEmpty && rest[0] is '#' or 'b')
        {
            tonic += rest[0];
            rest = rest[1..];
        }

        rest = rest.TrimStart();
        var wordLength = 0;
        while (wordLength < rest.Length && char.IsAsciiLetter(rest[wordLength]))
        {
            wordLength++;
        }

        if (wordLength > 0 && rest.Length > wordLength && rest[wordLength] == '=')
        {
            wordLength = 0; // "clef=…", "transpose=…": no mode word
        }

        var word = rest[..wordLength];
        if (word.IsEmpty)
        {
            return new AbcKey(tonic, "major");
        }

        var prefix = word.Length == 1 ? word : word[..Math.Min(3, word.Length)];
        return Modes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(prefix, out var mode)
            ? new AbcKey(tonic, mode)
            : word.Length == 1 ? null : new AbcKey(tonic, "major");
    }
}
