using System.Text;
using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.MusicXml.Writing;

/// <summary>Writes one bar of one voice: inline fields, notes, chords, rests, tuplets, then the closing bar line.</summary>
internal sealed class AbcBarWriter(ImportedScore score)
{
    private static readonly Comparison<VoiceEvent> ByTime = (a, b) =>
    {
        var byOffset = a.Offset.CompareTo(b.Offset);
        return byOffset != 0 ? byOffset : Rank(a).CompareTo(Rank(b));
    };

    public void Write(StringBuilder text, int measureIndex, int voiceIndex, AbcVoiceState state)
    {
        var measure = score.Measures[measureIndex];
        if (measureIndex == 0 && measure.RepeatStart)
        {
            text.Append("|:");
        }

        if (measure.Ending is { } ending)
        {
            text.Append('[').Append(ending).Append(' ');
        }

        state.Speller.StartBar();
        var events = measure.Voices[voiceIndex];
        if (!IsSorted(events))
        {
            events.Sort(ByTime); // out of order only where a <backup> went back inside one voice
        }

        var cursor = Fraction.Zero;
        for (var i = 0; i < events.Count;)
        {
            var current = events[i];
            if (current is FieldEvent field)
            {
                text.Append(state.Apply(field));
                i++;
                continue;
            }

            var note = (NoteEvent)current;
            if (note.Offset < cursor)
            {
                score.DroppedNotes++;
                i++;
                continue;
            }

            AppendRest(text, score.GapRest, note.Offset - cursor);
            var count = TupletLength(events, i);
            if (count > 1)
            {
                var tuplet = note.Tuplet!;
                text.Append('(').Append(tuplet.Actual).Append(':').Append(tuplet.Normal).Append(':').Append(count);
                var scale = new Fraction(tuplet.Actual, tuplet.Normal);
                for (var k = i; k < i + count; k++)
                {
                    AppendNote(text, (NoteEvent)events[k], scale, state.Speller);
                }
            }
            else
            {
                count = 1;
                AppendNote(text, note, new Fraction(1, 1), state.Speller);
            }

            var last = (NoteEvent)events[i + count - 1];
            cursor = last.Offset + last.Duration;
            i += count;
        }

        AppendRest(text, score.GapRest, measure.Length - cursor);
        TrimEnd(text);
        text.Append(ClosingBarLine(measureIndex));
    }

    private static int Rank(VoiceEvent e) => e is FieldEvent ? 0 : 1;

    private static bool IsSorted(List<VoiceEvent> events)
    {
        for (var i = 1; i < events.Count; i++)
        {
            if (ByTime(events[i - 1], events[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How many events from <paramref name="start"/> form one tuplet group (0 or 1: none).</summary>
    private static int TupletLength(List<VoiceEvent> events, int start)
    {
        if (events[start] is not NoteEvent { Tuplet: { } first } head || first.Actual <= 0 || first.Normal <= 0 || first.Actual == first.Normal)
        {
            return 0;
        }

        var end = head.Offset;
        var count = 0;
        for (var k = start; k < events.Count; k++)
        {
            if (events[k] is not NoteEvent { Tuplet: { } t } next || t.Actual != first.Actual || t.Normal != first.Normal
                || next.Offset != end || (k > start && t.Starts))
            {
                break;
            }

            count++;
            end = next.Offset + next.Duration;
            if (t.Stops)
            {
                break;
            }
        }

        return count;
    }

    private static void AppendNote(StringBuilder text, NoteEvent note, Fraction scale, AbcPitchSpeller speller)
    {
        if (note.GraceNotes.Count > 0)
        {
            text.Append('{');
            if (note.GraceSlashed)
            {
                text.Append('/');
            }

            foreach (var grace in note.GraceNotes)
            {
                speller.Append(text, grace);
            }

            text.Append('}');
        }

        if (note.ChordSymbol is { } symbol)
        {
            text.Append('"').Append(symbol).Append('"');
        }

        foreach (var decoration in note.Decorations)
        {
            text.Append(decoration);
        }

        var length = AbcLength.Format(note.Duration * scale);
        if (note.IsRest)
        {
            text.Append(note.Invisible ? 'x' : 'z').Append(length);
        }
        else if (note.Pitches.Count == 1)
        {
            speller.Append(text, note.Pitches[0]);
            text.Append(length);
            if (note.Pitches[0].TieToNext)
            {
                text.Append('-');
            }
        }
        else
        {
            text.Append('[');
            foreach (var pitch in note.Pitches)
            {
                speller.Append(text, pitch);
                if (pitch.TieToNext)
                {
                    text.Append('-');
                }
            }

            text.Append(']').Append(length);
        }

        if (!note.BeamedToNext)
        {
            text.Append(' ');
        }
    }

    private static void AppendRest(StringBuilder text, char rest, Fraction length)
    {
        if (length.IsPositive)
        {
            text.Append(rest).Append(AbcLength.Format(length)).Append(' ');
        }
    }

    private static void TrimEnd(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }
    }

    private string ClosingBarLine(int measureIndex)
    {
        var measure = score.Measures[measureIndex];
        var nextStartsRepeat = measureIndex + 1 < score.Measures.Count && score.Measures[measureIndex + 1].RepeatStart;
        return (measure.RepeatEnd, nextStartsRepeat) switch
        {
            (true, true) => "::",
            (true, false) => ":|",
            (false, true) => "|:",
            _ => measure.RightBar switch
            {
                BarStyle.Double => "||",
                BarStyle.Final => "|]",
                BarStyle.HeavyLight => "[|",
                _ => "|",
            },
        };
    }
}
