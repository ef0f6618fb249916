using System.Xml.Linq;
using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.MusicXml.Reading;

/// <summary>Reads key, time and clef out of an <c>&lt;attributes&gt;</c> element.</summary>
internal static class AttributesReader
{
    public static KeySignature? Key(XElement key)
    {
        if (key.Int("fifths") is not { } fifths)
        {
            return null; // a non-traditional key: accidentals are then all written out against C
        }

        return new KeySignature(Math.Clamp(fifths, -7, 7), key.Text("mode") is { Length: > 0 } mode ? mode : "major");
    }

    public static Meter? Time(XElement time)
    {
        if (time.Element("senza-misura") is not null)
        {
            return new Meter("none", Fraction.Zero);
        }

        var beats = time.Elements("beats").Select(b => b.Value.Trim()).ToList();
        var beatTypes = time.Elements("beat-type").Select(b => b.Value.Trim()).ToList();
        if (beats.Count == 0 || beats.Count != beatTypes.Count)
        {
            return null;
        }

        var total = Fraction.Zero;
        for (var i = 0; i < beats.Count; i++)
        {
            if (!int.TryParse(beatTypes[i], out var beatType) || beatType is <= 0 or > 1024)
            {
                return null;
            }

            foreach (var part in beats[i].Split('+'))
            {
                if (!int.TryParse(part, out var count) || count is <= 0 or > 1024)
                {
                    return null;
                }

                total += new Fraction(count, beatType);
            }
        }

        var symbol = time.Attr("symbol");
        var text = (symbol, beats.Count) switch
        {
            ("common", _) when total == new Fraction(1, 1) => "C",
            ("cut", _) when total == new Fraction(1, 1) => "C|",
            (_, 1) => $"{beats[0]}/{beatTypes[0]}",
            _ => $"{total.Numerator}/{total.Denominator}",
        };
        return new Meter(text, total);
    }

    public static string Clef(XElement clef)
    {
        var sign = clef.Text("sign")?.ToUpperInvariant();
        var line = clef.Int("line");
        var octave = clef.Int("clef-octave-change") ?? 0;
        var name = (sign, line) switch
        {
            ("G", null or 2) => "treble",
            ("G", 1) => "treble1",
            ("F", null or 4) => "bass",
            ("F", 3) => "bass3",
            ("C", null or 3) => "alto",
            ("C", 4) => "tenor",
            ("C", 1) => "alto1",
            ("C", 2) => "alto2",
            ("PERCUSSION", _) => "perc",
            ("NONE", _) => "none",
            _ => "treble",
        };
        return octave switch
        {
            -1 => name + "-8",
            1 => name + "+8",
            _ => name,
        };
    }
}
