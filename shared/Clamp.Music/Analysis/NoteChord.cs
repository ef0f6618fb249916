namespace Clamp.Music.Analysis;

/// <summary>Names the chord formed by simultaneous notes (an ABC <c>[CEG]</c> chord) from its pitch classes.</summary>
internal static class NoteChord
{
    private static readonly string[] SharpNames = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];
    private static readonly string[] FlatNames = ["C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"];

    /// <summary>Pitch-class sets above a root (bit 0), most specific first, with their suffix and kind.</summary>
    private static readonly (int Mask, string Suffix, ChordKind Kind)[] Templates =
    [
        (Mask(0, 4, 7, 10), "7", ChordKind.Seventh),
        (Mask(0, 4, 7, 11), "maj7", ChordKind.Seventh),
        (Mask(0, 3, 7, 10), "m7", ChordKind.Seventh),
        (Mask(0, 3, 6, 10), "m7b5", ChordKind.Seventh),
        (Mask(0, 3, 6, 9), "dim7", ChordKind.Seventh),
        (Mask(0, 3, 7, 11), "mmaj7", ChordKind.Seventh),
        (Mask(0, 4, 7), "", ChordKind.Triad),
        (Mask(0, 3, 7), "m", ChordKind.Triad),
        (Mask(0, 3, 6), "dim", ChordKind.Triad),
        (Mask(0, 4, 8), "aug", ChordKind.Triad),
        (Mask(0, 5, 7), "sus4", ChordKind.Triad),
        (Mask(0, 4, 10), "7", ChordKind.Seventh),
        (Mask(0, 4, 11), "maj7", ChordKind.Seventh),
        (Mask(0, 3, 10), "m7", ChordKind.Seventh),
    ];

    /// <summary>Seventh chords that, with more notes above, make 9th/11th/13th chords.</summary>
    private static readonly (int Mask, string Suffix)[] ExtendedCores =
    [
        (Mask(0, 4, 10), "9"), (Mask(0, 4, 11), "maj9"), (Mask(0, 3, 10), "m9"),
    ];

    /// <summary>
    /// The chord of a set of pitch classes (bit n is pitch class n), or null for fewer than three pitch classes or a
    /// cluster that is no known chord. Root names use flats when <paramref name="preferFlats"/>.
    /// </summary>
    public static NamedChord? TryName(int pitchClasses, bool preferFlats)
    {
        if (System.Numerics.BitOperations.PopCount((uint)pitchClasses) < 3)
        {
            return null;
        }

        var names = preferFlats ? FlatNames : SharpNames;
        foreach (var (mask, suffix, kind) in Templates)
        {
            if (FindRoot(pitchClasses, mask, exact: true) is { } root)
            {
                return new NamedChord(names[root] + suffix, kind);
            }
        }

        foreach (var (mask, suffix) in ExtendedCores)
        {
            if (FindRoot(pitchClasses, mask, exact: false) is { } root)
            {
                return new NamedChord(names[root] + suffix, ChordKind.Extended);
            }
        }

        return FindRoot(pitchClasses, Mask(0, 4, 7), exact: false) is { } major ? new NamedChord(names[major] + "add9", ChordKind.Extended)
            : FindRoot(pitchClasses, Mask(0, 3, 7), exact: false) is { } minor ? new NamedChord(names[minor] + "m(add9)", ChordKind.Extended)
            : null;
    }

    private static int? FindRoot(int pitchClasses, int template, bool exact)
    {
        for (var root = 0; root < 12; root++)
        {
            if ((pitchClasses & (1 << root)) == 0)
            {
                continue;
            }

            var rotated = ((pitchClasses >> root) | (pitchClasses << (12 - root))) & 0xFFF;
            if (exact ? rotated == template : (rotated & template) == template)
            {
                return root;
            }
        }

        return null;
    }

    private static int Mask(params int[] intervals) => intervals.Aggregate(0, (mask, i) => mask | (1 << i));
}
