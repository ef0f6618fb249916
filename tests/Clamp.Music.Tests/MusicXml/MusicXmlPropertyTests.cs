using Clamp.Music.Abc;
using Clamp.Music.MusicXml.Model;
using FsCheck.Xunit;
using static Clamp.Music.Tests.MusicXml.MusicXmlDocument;

namespace Clamp.Music.Tests.MusicXml;

/// <summary>Properties of the conversion over generated scores and of the exact time arithmetic under it.</summary>
public class MusicXmlPropertyTests
{
    private const string Steps = "CDEFGAB";

    [Property(MaxTest = 60)]
    public bool Any_two_voice_score_keeps_every_measure_and_every_note(int[][] measures)
    {
        // Every measure gets a first voice-1 note, so that both voices exist.
        var melody = measures.Select(m => m.Prepend(0).Select(x => (Step: Steps[Math.Abs(x % 7)], Octave: 4 + Math.Abs(x % 2), Eighths: 1 + Math.Abs(x % 6))).ToList()).ToList();
        var xml = Score(melody.Select((notes, i) => (i == 0 ? DefaultAttributes : "")
            + string.Concat(notes.Select(n => Note(n.Step.ToString(), n.Octave, n.Eighths)))
            + Backup(notes.Sum(n => n.Eighths)) + Note("C", 3, 1, voice: "2")).ToArray());
        if (melody.Count == 0)
        {
            return true;
        }

        var tune = AbcParser.ParseTune(ToAbc(xml));
        var bars = AbcBarCounter.CountPerVoice(tune.MusicText);
        var notesWritten = tune.MusicText.Split('\n').Where(l => l.StartsWith("[V:1]", StringComparison.Ordinal))
            .Sum(l => l[5..].Count(c => Steps.Contains(char.ToUpperInvariant(c))));
        return bars.Count == 2 && bars.Values.All(b => b == melody.Count) && notesWritten == melody.Sum(m => m.Count);
    }

    [Property]
    public bool Fractions_add_and_subtract_exactly(int a, int b, int c, int d)
    {
        var x = new Fraction(a, 1 + Math.Abs(b % 1000));
        var y = new Fraction(c, 1 + Math.Abs(d % 1000));
        var sum = x + y;
        return sum - y == x && sum.Denominator > 0 && (x < y) == (x.CompareTo(y) < 0) && Fraction.Max(x, y) >= Fraction.Min(x, y);
    }
}
