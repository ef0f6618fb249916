using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.Midi;

/// <summary>The bars of a MIDI file on the quantisation grid, following its time signatures (4/4 where none is given).</summary>
internal static class MidiBarGrid
{
    public static List<(long Start, long Length, Meter Meter)> Bars(MidiSequence sequence, double ticksPerStep, long endStep, long stepsPerWhole, int maxBars)
    {
        var changes = sequence.TimeSignatures
            .Select(t => (Step: (long)Math.Round(t.Tick / ticksPerStep), Meter: Meter.FromFraction(t.Numerator, t.Denominator)))
            .OrderBy(t => t.Step)
            .ToList();
        var meter = changes.FirstOrDefault(c => c.Step == 0).Meter ?? Meter.Common;
        var bars = new List<(long, long, Meter)>();
        var next = 0;
        for (var start = 0L; start < endStep || bars.Count == 0;)
        {
            while (next < changes.Count && changes[next].Step <= start)
            {
                meter = changes[next++].Meter;
            }

            var length = Math.Max(1, (long)Math.Ceiling((double)meter.BarLength.Numerator * stepsPerWhole / meter.BarLength.Denominator));
            bars.Add((start, length, meter));
            if (bars.Count > maxBars)
            {
                throw new ScoreReadException("midi.too-large", $"The music lasts more than {maxBars:N0} bars.");
            }

            start += length;
        }

        return bars;
    }
}
