namespace Clamp.Music.Analysis;

/// <summary>A written pitch: letter, alteration in semitones (+1 sharp, -1 flat) and scientific octave (C4 is middle C).</summary>
public readonly record struct Pitch(char Letter, int Alter, int Octave)
{
    private static readonly int[] LetterSemitones = [9, 11, 0, 2, 4, 5, 7]; // A B C D E F G

    /// <summary>MIDI note number: C4 is 60.</summary>
    public int Midi => (12 * (Octave + 1)) + LetterSemitones[Letter - 'A'] + Alter;

    /// <summary>Pitch class, 0 (C) to 11 (B).</summary>
    public int PitchClass => ((Midi % 12) + 12) % 12;

    /// <summary>"D4", "F#5", "Bb3".</summary>
    public string Name => $"{Letter}{Accidental(Alter)}{Octave}";

    public override string ToString() => Name;

    /// <summary>"#", "b", "##", "bb" or "" for an alteration in semitones.</summary>
    public static string Accidental(int alter) => alter switch
    {
        > 0 => new string('#', Math.Min(alter, 2)),
        < 0 => new string('b', Math.Min(-alter, 2)),
        _ => "",
    };
}
