namespace Clamp.Music.Analysis;

/// <summary>The lowest and highest notes of a score and the distance between them.</summary>
public sealed record PitchRange(Pitch Lowest, Pitch Highest)
{
    /// <summary>Span in semitones from <see cref="Lowest"/> to <see cref="Highest"/>.</summary>
    public int Semitones => Highest.Midi - Lowest.Midi;
}
