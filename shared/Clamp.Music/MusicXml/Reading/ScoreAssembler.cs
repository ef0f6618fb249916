using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.MusicXml.Reading;

/// <summary>
/// Puts the parts together: one ABC voice per (part, staff, voice), bars aligned by measure index and padded
/// to a common length, part-wide fields copied into each voice they concern, chord symbols attached to notes.
/// </summary>
internal static class ScoreAssembler
{
    public static ImportedScore Assemble(IReadOnlyList<PartContent> parts, MusicXmlReadOptions options)
    {
        var score = new ImportedScore { GapRest = 'x', Tempo = parts.Select(p => p.Tempo).FirstOrDefault(t => t is not null) };
        var partVoices = new List<(VoiceKey Key, int Voice)>[parts.Count];
        for (var p = 0; p < parts.Count; p++)
        {
            var keys = parts[p].Measures.SelectMany(m => m.Voices.Keys).Distinct().Order().ToList();
            if (keys.Count == 0)
            {
                keys.Add(new VoiceKey(1, "1")); // a part with no notes still gets a voice, so its bars are kept
            }

            partVoices[p] = [];
            foreach (var key in keys)
            {
                partVoices[p].Add((key, score.Voices.Count));
                var clef = parts[p].InitialClefs.GetValueOrDefault(key.Staff, "treble");
                score.Voices.Add(new ScoreVoice(p, key.Staff, parts[p].Name, clef));
            }
        }

        if (score.Voices.Count > options.MaxVoices)
        {
            throw new ScoreReadException("musicxml.too-large", $"The score has {score.Voices.Count} voices (at most {options.MaxVoices} allowed).");
        }

        var measureCount = parts.Max(p => p.Measures.Count);
        for (var m = 0; m < measureCount; m++)
        {
            score.Measures.Add(AssembleMeasure(parts, m, score, partVoices));
        }

        AddLyrics(parts, score.Metadata);
        return score;
    }

    private static ScoreMeasure AssembleMeasure(
        IReadOnlyList<PartContent> parts, int index, ImportedScore score, List<(VoiceKey Key, int Voice)>[] partVoices)
    {
        var measure = new ScoreMeasure(score.Voices.Count);
        var present = parts.Where(p => index < p.Measures.Count).Select(p => p.Measures[index]).ToList();
        measure.Length = present.Select(p => p.Length).Aggregate(Fraction.Zero, Fraction.Max);
        measure.RepeatStart = present.Any(p => p.RepeatStart);
        measure.RepeatEnd = present.Any(p => p.RepeatEnd);
        measure.Ending = present.Select(p => p.Ending).FirstOrDefault(e => e is not null);
        measure.RightBar = present.Select(p => p.RightBar).FirstOrDefault(b => b != BarStyle.Regular);
        for (var p = 0; p < parts.Count; p++)
        {
            if (index >= parts[p].Measures.Count)
            {
                continue;
            }

            var source = parts[p].Measures[index];
            foreach (var (key, voice) in partVoices[p])
            {
                var events = measure.Voices[voice];
                events.AddRange(source.Fields.Where(f => f.Staff is null || f.Staff == key.Staff).Select(f => f.Field));
                if (source.Voices.TryGetValue(key, out var notes))
                {
                    events.AddRange(notes);
                }
            }

            ChordSymbolPlacer.Place(partVoices[p].Select(v => measure.Voices[v.Voice]).ToList(), source.ChordSymbols);
        }

        return measure;
    }

    /// <summary>
    /// The lyrics of the first part that has any, one line per verse in verse-number order, the syllables of a word
    /// joined ("Hal- le- lu jah" reads "Hallelu jah").
    /// </summary>
    private static void AddLyrics(IReadOnlyList<PartContent> parts, ScoreMetadata metadata)
    {
        var verses = parts.Where(p => p.Verses.Count > 0).Take(1).SelectMany(p => p.Verses);
        foreach (var (_, syllables) in verses.OrderBy(v => int.TryParse(v.Key, out var number) ? number : int.MaxValue).ThenBy(v => v.Key, StringComparer.Ordinal))
        {
            var line = string.Join(' ', syllables).Replace("- ", "", StringComparison.Ordinal).TrimEnd('-');
            metadata.Lyrics.Add(line);
        }
    }
}
