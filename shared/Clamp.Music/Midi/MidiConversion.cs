namespace Clamp.Music.Midi;

/// <summary>The ABC transcription of a MIDI file and what went into it.</summary>
/// <param name="Abc">One ABC tune.</param>
/// <param name="BarCount">Bars in every voice.</param>
/// <param name="VoiceCount">ABC voices (tracks and channels split into monophonic chord voices).</param>
/// <param name="NoteCount">Notes read (drums excluded).</param>
/// <param name="KeyEstimated">True when the file had no key signature and the key was estimated from the notes.</param>
public sealed record MidiConversion(string Abc, int BarCount, int VoiceCount, int NoteCount, bool KeyEstimated);
