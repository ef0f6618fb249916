using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.Kern;

/// <summary>
/// Makes the ABC-ready score of the kern measures read: one voice per <c>**kern</c> spine and sub-spine (the
/// rightmost spine, the top staff by kern convention, first), key/meter/clef fields where a spine's change, and
/// the reference records as metadata.
/// </summary>
internal static class KernScoreAssembler
{
    private static readonly KernSnapshot Unset = new(KeySignature.CMajor, null, "treble");

    public static ImportedScore Assemble(
        List<KernMeasure> measures, List<KernTrackState> tracks, KernSpineLayout layout, KernReferenceRecords references, double? tempo, int maxVoices)
    {
        var voices = measures.SelectMany(m => m.Events.Keys).Distinct().OrderByDescending(v => v.Track).ThenBy(v => v.Slot).ToList();
        if (voices.Count == 0)
        {
            throw new ScoreReadException("kern.no-notes", layout.HasKern
                ? "The file's **kern spines hold no notes or rests."
                : "The file has no **kern spine (only **kern spines are converted).");
        }

        if (voices.Count > maxVoices)
        {
            throw new ScoreReadException("kern.too-large", $"The score needs {voices.Count} voices (at most {maxVoices} allowed).");
        }

        var score = new ImportedScore { Tempo = tempo };
        references.CopyTo(score.Metadata);
        foreach (var (track, _) in voices)
        {
            var state = tracks[track];
            score.Voices.Add(new ScoreVoice(state.Part ?? (1_000_000 + track), state.Staff ?? 1, state.Name ?? "", SnapshotOf(measures[0], track).Clef));
        }

        for (var m = 0; m < measures.Count; m++)
        {
            var source = measures[m];
            var measure = new ScoreMeasure(voices.Count)
            {
                Length = source.Length,
                RepeatStart = source.RepeatStart,
                RepeatEnd = source.RepeatEnd,
                RightBar = source.RightBar,
            };
            for (var v = 0; v < voices.Count; v++)
            {
                var now = SnapshotOf(source, voices[v].Track);
                AddChanges(measure.Voices[v], m == 0 ? null : SnapshotOf(measures[m - 1], voices[v].Track), now);
                if (source.Events.TryGetValue(voices[v], out var events))
                {
                    measure.Voices[v].AddRange(events);
                }
            }

            score.Measures.Add(measure);
        }

        return score;
    }

    /// <summary>Key, meter and clef fields at the start of a bar, where they differ from the bar before (all of them in the first).</summary>
    private static void AddChanges(List<VoiceEvent> events, KernSnapshot? before, KernSnapshot now)
    {
        if (before is null || before.Key != now.Key)
        {
            events.Add(new FieldEvent(Fraction.Zero, FieldKind.Key, Key: now.Key));
        }

        if (now.Meter is { } meter && before?.Meter != meter)
        {
            events.Add(new FieldEvent(Fraction.Zero, FieldKind.Meter, Meter: meter));
        }

        if (before is not null && before.Clef != now.Clef)
        {
            events.Add(new FieldEvent(Fraction.Zero, FieldKind.Clef, Clef: now.Clef));
        }
    }

    private static KernSnapshot SnapshotOf(KernMeasure measure, int track) =>
        measure.Snapshots.TryGetValue(track, out var snapshot) ? snapshot : Unset;
}
