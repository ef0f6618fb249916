namespace Clamp.Music.MusicXml;

/// <summary>The ABC of a converted score and what was converted.</summary>
/// <param name="Abc">One ABC tune.</param>
/// <param name="MeasureCount">Measures in the source (the longest part); every ABC voice has this many bars.</param>
/// <param name="PartCount">Parts in the source.</param>
/// <param name="VoiceCount">ABC voices written (one per part, staff and MusicXML voice).</param>
/// <param name="DroppedNotes">Notes left out because they overlapped another note in the same voice.</param>
public sealed record MusicXmlConversion(string Abc, int MeasureCount, int PartCount, int VoiceCount, int DroppedNotes);
