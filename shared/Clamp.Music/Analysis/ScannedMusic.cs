namespace Clamp.Music.Analysis;

/// <summary>The raw counts of one scan of a tune's music text, before they are summarised into <see cref="ScoreFacts"/>.</summary>
internal sealed class ScannedMusic
{
    /// <summary>Voices in order of first use; a tune without <c>V:</c> fields has one.</summary>
    public List<VoiceScan> Voices { get; } = [];

    public Pitch? Lowest { get; set; }

    public Pitch? Highest { get; set; }

    /// <summary>Chord symbols (<c>"Am7"</c>) in order.</summary>
    public List<NamedChord> ChordSymbols { get; } = [];

    /// <summary>Chords named from simultaneous notes (<c>[CEG]</c>) in order.</summary>
    public List<NamedChord> NoteChords { get; } = [];

    /// <summary>Onsets of two or more different pitches at once (<c>[]</c> chords, also intervals).</summary>
    public int SimultaneousOnsets { get; set; }

    /// <summary>Parts named at the top level of <c>%%score</c> or <c>%%staves</c>, where given.</summary>
    public int? ScoreParts { get; set; }

    /// <summary>Whether the key signature in use first had flats (chord roots are then spelled with flats).</summary>
    public bool PreferFlats { get; set; }

    public void AddPitch(Pitch pitch)
    {
        if (Lowest is not { } low || pitch.Midi < low.Midi)
        {
            Lowest = pitch;
        }

        if (Highest is not { } high || pitch.Midi > high.Midi)
        {
            Highest = pitch;
        }
    }
}
