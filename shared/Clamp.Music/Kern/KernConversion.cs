namespace Clamp.Music.Kern;

/// <summary>The ABC conversion of a Humdrum <c>**kern</c> file and what went into it.</summary>
/// <param name="Abc">One ABC tune.</param>
/// <param name="BarCount">Bars in every voice (one per kern measure holding music).</param>
/// <param name="VoiceCount">ABC voices (<c>**kern</c> spines and the sub-spines they split into).</param>
/// <param name="NoteCount">Notes, chords and rests read (grace notes excluded).</param>
/// <param name="DroppedNotes">Events dropped because they overlapped earlier ones in their voice.</param>
public sealed record KernConversion(string Abc, int BarCount, int VoiceCount, int NoteCount, int DroppedNotes);
