using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.Midi;

/// <summary>
/// Builds the ABC-ready score of a MIDI file: voices per part, quantised chords cut into bars and tied across bar lines;
/// as metadata the sequence name (title), the copyright and text events (notes) and the lyrics. The other track names
/// name the parts ("Piano", "MELODY"), so they become voice names, not titles.
/// </summary>
internal static class MidiScoreBuilder
{
    private const int MiddleC = 60;

    public static ImportedScore Build(MidiSequence sequence, MidiReadOptions options, out bool keyEstimated)
    {
        var parts = sequence.Parts.Where(p => p.Notes.Count > 0).ToList();
        if (parts.Count == 0)
        {
            throw new ScoreReadException("midi.no-notes", "The file has no notes (drums on channel 10 are not transcribed).");
        }

        var ticksPerStep = sequence.TicksPerQuarter / (double)options.GridPerQuarter;
        var stepsPerWhole = 4L * options.GridPerQuarter;
        keyEstimated = sequence.KeySignatures.Count == 0;
        var key = keyEstimated
            ? MidiKeyEstimator.Estimate(parts.SelectMany(p => p.Notes))
            : sequence.KeySignatures.OrderBy(k => k.Tick).Select(k => new KeySignature(k.Fifths, k.Minor ? "minor" : "major")).First();
        var speller = new MidiPitchSpeller(key);
        var score = new ImportedScore
        {
            GapRest = 'z',
            Tempo = sequence.MicrosecondsPerQuarter is > 0 and var us ? 60_000_000.0 / us : null,
        };
        if (sequence.Title is { } title)
        {
            score.Metadata.Titles.Add(title);
        }

        score.Metadata.Notes.AddRange(sequence.Notes);
        score.Metadata.Lyrics.AddRange(sequence.Lyrics);

        var voices = new List<List<QuantisedChord>>();
        for (var p = 0; p < parts.Count; p++)
        {
            foreach (var voice in MidiVoiceSplitter.Split(parts[p].Notes, ticksPerStep, options.MaxVoicesPerPart))
            {
                var clef = voice.Average(c => c.Keys.Average()) < MiddleC ? "bass" : "treble";
                score.Voices.Add(new ScoreVoice(p, 1, parts[p].Name, clef));
                voices.Add(voice);
            }
        }

        if (voices.Count > options.MaxVoices)
        {
            throw new ScoreReadException("midi.too-large", $"The notes need {voices.Count} voices (at most {options.MaxVoices} allowed).");
        }

        var end = voices.Max(v => v[^1].End);
        var bars = MidiBarGrid.Bars(sequence, ticksPerStep, end, stepsPerWhole, options.MaxBars);
        for (var b = 0; b < bars.Count; b++)
        {
            var measure = new ScoreMeasure(voices.Count) { Length = new Fraction(bars[b].Length, stepsPerWhole) };
            foreach (var events in measure.Voices)
            {
                if (b == 0)
                {
                    events.Add(new FieldEvent(Fraction.Zero, FieldKind.Key, Key: key));
                }

                if (b == 0 || bars[b].Meter != bars[b - 1].Meter)
                {
                    events.Add(new FieldEvent(Fraction.Zero, FieldKind.Meter, Meter: bars[b].Meter));
                }
            }

            score.Measures.Add(measure);
        }

        for (var v = 0; v < voices.Count; v++)
        {
            foreach (var chord in voices[v])
            {
                AddAcrossBars(score, v, chord, bars, stepsPerWhole, speller);
            }
        }

        return score;
    }

    /// <summary>Adds a chord to the bars it sounds in, tied over each bar line it crosses.</summary>
    private static void AddAcrossBars(
        ImportedScore score, int voice, QuantisedChord chord, List<(long Start, long Length, Meter Meter)> bars, long stepsPerWhole, MidiPitchSpeller speller)
    {
        var bar = BarAt(bars, chord.Start);
        for (var start = chord.Start; start < chord.End && bar < bars.Count; bar++)
        {
            var barEnd = bars[bar].Start + bars[bar].Length;
            var end = Math.Min(chord.End, barEnd);
            var tied = end < chord.End;
            var pitches = new NotePitch[chord.Keys.Count];
            for (var i = 0; i < pitches.Length; i++)
            {
                pitches[i] = speller.Spell(chord.Keys[^(i + 1)], tied); // lowest first, as ABC chords are written
            }

            score.Measures[bar].Voices[voice].Add(
                new NoteEvent(new Fraction(start - bars[bar].Start, stepsPerWhole), new Fraction(end - start, stepsPerWhole), pitches));
            start = end;
        }
    }

    /// <summary>The index of the bar holding a grid step (bars are in order and start at 0).</summary>
    private static int BarAt(List<(long Start, long Length, Meter Meter)> bars, long step)
    {
        int low = 0, high = bars.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (bars[middle].Start <= step)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }
}
