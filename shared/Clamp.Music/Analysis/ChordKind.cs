namespace Clamp.Music.Analysis;

/// <summary>How rich one chord is.</summary>
public enum ChordKind
{
    /// <summary>Three-note chords: major, minor, diminished, augmented, suspended.</summary>
    Triad,

    /// <summary>Seventh and sixth chords: 7, maj7, m7, m7b5, dim7, 6.</summary>
    Seventh,

    /// <summary>Chords with a 9th, 11th or 13th (or an added note).</summary>
    Extended,
}
