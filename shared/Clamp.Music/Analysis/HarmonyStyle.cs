namespace Clamp.Music.Analysis;

/// <summary>A one-word summary of a score's chords.</summary>
public enum HarmonyStyle
{
    /// <summary>Mostly triads.</summary>
    SimpleTriads,

    /// <summary>Many seventh chords.</summary>
    SeventhChords,

    /// <summary>Many 9th, 11th and 13th chords.</summary>
    ExtendedChords,
}
