namespace Clamp.Music.Analysis;

/// <summary>How the notes of a score sound together.</summary>
public enum Texture
{
    /// <summary>One line of single notes.</summary>
    MonophonicMelody,

    /// <summary>One line with chord symbols or occasional chords.</summary>
    MelodyWithChords,

    /// <summary>Chords throughout, or voices that move together in the same rhythm.</summary>
    Homophonic,

    /// <summary>Several voices moving independently.</summary>
    Polyphonic,
}
