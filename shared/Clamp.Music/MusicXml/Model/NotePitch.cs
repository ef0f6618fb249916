namespace Clamp.Music.MusicXml.Model;

/// <summary>A written pitch: step letter (C..B), chromatic alteration in semitones, octave (4 = the middle-C octave).</summary>
public sealed record NotePitch(char Step, int Alter, int Octave, bool TieToNext = false);
