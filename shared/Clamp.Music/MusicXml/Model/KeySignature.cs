namespace Clamp.Music.MusicXml.Model;

/// <summary>A traditional key signature: a count of fifths (-7..7, flats negative) and a mode ("major", "minor", "dorian" ...).</summary>
public sealed record KeySignature(int Fifths, string Mode)
{
    public static KeySignature CMajor { get; } = new(0, "major");
}
