namespace Clamp.Music.Midi;

/// <summary>
/// Quantises the notes of one part to the grid and splits them into monophonic ABC voices of chords:
/// notes starting and ending on the same grid steps form a chord; each chord goes to the first voice free
/// at its start; past the voice limit the earliest-ending voice's last chord is cut short (or joined, if it
/// starts at the same step).
/// </summary>
internal static class MidiVoiceSplitter
{
    public static List<List<QuantisedChord>> Split(IEnumerable<MidiNote> notes, double ticksPerStep, int maxVoices)
    {
        var chords = notes
            .Select(n => (Start: Step(n.Start, ticksPerStep), n.End, n.Key))
            .Select(n => (n.Start, End: Math.Max(n.Start + 1, Step(n.End, ticksPerStep)), n.Key))
            .GroupBy(n => (n.Start, n.End))
            .Select(g => new QuantisedChord(g.Key.Start, g.Key.End, g.Select(n => n.Key).Distinct().OrderByDescending(k => k).ToList()))
            .OrderBy(c => c.Start).ThenByDescending(c => c.Keys[0])
            .ToList();
        var voices = new List<List<QuantisedChord>>();
        foreach (var chord in chords)
        {
            var free = voices.FindIndex(v => v[^1].End <= chord.Start);
            if (free >= 0)
            {
                voices[free].Add(chord);
            }
            else if (voices.Count < maxVoices)
            {
                voices.Add([chord]);
            }
            else
            {
                var voice = voices.MinBy(v => v[^1].End)!;
                var last = voice[^1];
                if (last.Start == chord.Start)
                {
                    last.Keys.AddRange(chord.Keys.Except(last.Keys));
                }
                else
                {
                    voice[^1] = last with { End = chord.Start };
                    voice.Add(chord);
                }
            }
        }

        return voices;
    }

    private static long Step(long tick, double ticksPerStep) => (long)Math.Round(tick / ticksPerStep, MidpointRounding.AwayFromZero);
}
