namespace Clamp.Music.MusicXml.Model;

/// <summary>A time signature as ABC writes it ("3/4", "C", "C|", "none") and the bar length it implies.</summary>
public sealed record Meter(string Text, Fraction BarLength)
{
    public static Meter Common { get; } = new("4/4", new Fraction(1, 1));

    public static Meter FromFraction(int beats, int beatType) =>
        new($"{beats}/{beatType}", new Fraction(beats, beatType));
}
