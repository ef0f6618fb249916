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
        var chords = Chords(notes, ticksPerStep);
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
                    last.Keys.Sort((a, b) => b.CompareTo(a));
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

    /// <summary>Quantised notes grouped by start and end, in order of start, then highest note first.</summary>
    private static List<QuantisedChord> Chords(IEnumerable<MidiNote> notes, double ticksPerStep)
    {
        var steps = notes.Select(n =>
        {
            var start = Step(n.Start, ticksPerStep);
            return (Start: start, End: Math.Max(start + 1, Step(n.End, ticksPerStep)), n.Key);
        }).ToArray();
        Array.Sort(steps, (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End != b.End ? a.End.CompareTo(b.End) : b.Key.CompareTo(a.Key));
        var chords = new List<QuantisedChord>();
        for (var i = 0; i < steps.Length; i++)
        {
            var last = chords.Count > 0 ? chords[^1] : null;
            if (last is not null && last.Start == steps[i].Start && last.End == steps[i].End)
            {
                if (last.Keys[^1] != steps[i].Key)
                {
                    last.Keys.Add(steps[i].Key);
                }
            }
            else
            {
                chords.Add(new QuantisedChord(steps[i].Start, steps[i].End, [steps[i].Key]));
            }
        }

        chords.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Keys[0].CompareTo(a.Keys[0]));
        return chords;
    }

    private static long Step(long tick, double ticksPerStep) => (long)Math.Round(tick / ticksPerStep, MidpointRounding.AwayFromZero);
}
