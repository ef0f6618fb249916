namespace Clamp.Music.Analysis;

/// <summary>Where a score's chords were read from.</summary>
public enum ChordSource
{
    /// <summary>Chord symbols written in quotes (<c>"Am7"</c>).</summary>
    Symbols,

    /// <summary>Notes written together (<c>[CEG]</c>).</summary>
    Notes,
}
