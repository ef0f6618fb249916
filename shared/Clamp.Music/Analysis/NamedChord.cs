namespace Clamp.Music.Analysis;

/// <summary>One chord met in a score: its name ("Am7", "G") and kind.</summary>
public readonly record struct NamedChord(string Name, ChordKind Kind);
