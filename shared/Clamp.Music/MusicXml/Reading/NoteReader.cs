using System.Xml.Linq;
using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.MusicXml.Reading;

/// <summary>Reads a <c>&lt;note&gt;</c>: pitch, duration, voice, tie, tuplet, grace, articulations, beam, lyrics.</summary>
internal static class NoteReader
{
    public static ParsedNote Read(XElement note, int divisions)
    {
        var voice = new VoiceKey(note.Int("staff") ?? 1, note.Text("voice") is { Length: > 0 } v ? v : "1");
        var grace = note.Element("grace");
        var notations = note.Element("notations") is null ? [] : note.Elements("notations").ToList();
        var tie = note.Elements("tie").Any(t => t.Attr("type") == "start")
            || notations.Elements("tied").Any(t => t.Attr("type") == "start");
        return new ParsedNote(
            voice,
            Pitch(note, tie),
            grace is null ? Duration(note, divisions) : Fraction.Zero,
            IsGrace: grace is not null,
            GraceSlashed: grace?.Attr("slash") == "yes",
            IsChordMember: note.Element("chord") is not null,
            Invisible: note.Attr("print-object") == "no",
            Tuplet(note, notations),
            Decorations(notations),
            BeamedToNext: note.Elements("beam").FirstOrDefault(b => b.Attr("number") is null or "1")?.Value.Trim() is "begin" or "continue",
            Lyrics(note));
    }

    private static NotePitch? Pitch(XElement note, bool tie)
    {
        if (note.Element("pitch") is { } pitch)
        {
            return new NotePitch(Step(pitch.Text("step")), (int)Math.Round(pitch.Decimal("alter") ?? 0), pitch.Int("octave") ?? 4, tie);
        }

        if (note.Element("unpitched") is { } unpitched)
        {
            return new NotePitch(Step(unpitched.Text("display-step")), 0, unpitched.Int("display-octave") ?? 4, tie);
        }

        return null;
    }

    private static char Step(string? step) => step is { Length: 1 } s && "ABCDEFG".Contains(char.ToUpperInvariant(s[0]))
        ? char.ToUpperInvariant(s[0])
        : 'C';

    /// <summary>From <c>&lt;duration&gt;</c> in divisions per quarter; else from the written type, dots and tuplet.</summary>
    private static Fraction Duration(XElement note, int divisions)
    {
        if (note.Time("duration", divisions) is { } duration)
        {
            return duration;
        }

        var written = note.Text("type") switch
        {
            "maxima" => new Fraction(8, 1),
            "long" => new Fraction(4, 1),
            "breve" => new Fraction(2, 1),
            "whole" => new Fraction(1, 1),
            "half" => new Fraction(1, 2),
            "quarter" => new Fraction(1, 4),
            "eighth" => new Fraction(1, 8),
            "16th" => new Fraction(1, 16),
            "32nd" => new Fraction(1, 32),
            "64th" => new Fraction(1, 64),
            "128th" => new Fraction(1, 128),
            _ => Fraction.Zero,
        };
        var dots = Math.Min(note.Elements("dot").Count(), 4);
        written *= new Fraction((2L << dots) - 1, 1L << dots);
        if (note.Element("time-modification") is { } modification
            && modification.Int("actual-notes") is > 0 and var actual && modification.Int("normal-notes") is > 0 and var normal)
        {
            written *= new Fraction(normal, actual);
        }

        return written;
    }

    private static TupletRatio? Tuplet(XElement note, List<XElement> notations)
    {
        var modification = note.Element("time-modification");
        var actual = modification?.Int("actual-notes") ?? 0;
        var normal = modification?.Int("normal-notes") ?? 0;
        if (actual is <= 0 or > 64 || normal is <= 0 or > 64 || actual == normal)
        {
            return null;
        }

        var marks = notations.Elements("tuplet").Select(t => t.Attr("type")).ToList();
        return new TupletRatio(actual, normal, marks.Contains("start"), marks.Contains("stop"));
    }

    private static List<string> Decorations(List<XElement> notations)
    {
        var decorations = new List<string>();
        if (notations.Count == 0)
        {
            return decorations;
        }

        foreach (var child in notations.Elements().Concat(notations.Elements("articulations").Elements()).Concat(notations.Elements("ornaments").Elements()))
        {
            var decoration = child.Name.LocalName switch
            {
                "fermata" => "!fermata!",
                "staccato" => ".",
                "staccatissimo" => "!wedge!",
                "accent" => "!>!",
                "strong-accent" => "!marcato!",
                "tenuto" => "!tenuto!",
                "trill-mark" => "!trill!",
                "mordent" => "!lowermordent!",
                "inverted-mordent" => "!uppermordent!",
                "turn" => "!turn!",
                "arpeggiate" => "!arpeggio!",
                _ => null,
            };
            if (decoration is not null && !decorations.Contains(decoration))
            {
                decorations.Add(decoration);
            }
        }

        return decorations;
    }

    private static List<(string Verse, string Syllable)> Lyrics(XElement note)
    {
        var lyrics = new List<(string, string)>();
        foreach (var lyric in note.Elements("lyric"))
        {
            var text = string.Join("", lyric.Elements("text").Select(t => t.Value.Trim()));
            if (text.Length == 0)
            {
                continue;
            }

            var joinsNext = lyric.Elements("syllabic").LastOrDefault()?.Value.Trim() is "begin" or "middle";
            lyrics.Add((lyric.Attr("number") ?? "1", joinsNext ? text + "-" : text));
        }

        return lyrics;
    }
}
