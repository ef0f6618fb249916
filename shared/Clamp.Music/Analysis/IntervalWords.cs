namespace Clamp.Music.Analysis;

/// <summary>A span in semitones in words: "a fifth", "an octave and a sixth", "two octaves".</summary>
internal static class IntervalWords
{
    private static readonly string[] WithinOctave =
    [
        "", "a semitone", "a tone", "a third", "a third", "a fourth", "a tritone", "a fifth", "a sixth", "a sixth", "a seventh",
        "a seventh",
    ];

    public static string Describe(int semitones)
    {
        if (semitones <= 0)
        {
            return "a unison";
        }

        var octaves = semitones / 12;
        var rest = WithinOctave[semitones % 12];
        var octaveWords = octaves switch
        {
            0 => "",
            1 => "an octave",
            _ => $"{EnglishWords.Number(octaves)} octaves",
        };
        return octaveWords.Length == 0 ? rest : rest.Length == 0 ? octaveWords : $"{octaveWords} and {rest}";
    }
}
