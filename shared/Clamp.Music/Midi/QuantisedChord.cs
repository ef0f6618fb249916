namespace Clamp.Music.Midi;

/// <summary>Notes struck together and released together, on the quantisation grid; keys highest first.</summary>
internal sealed record QuantisedChord(long Start, long End, List<int> Keys);
