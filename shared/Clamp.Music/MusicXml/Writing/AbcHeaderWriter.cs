using System.Text;
using Clamp.Music.Abc;
using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.MusicXml.Writing;

/// <summary>
/// Writes the header of a converted tune in the layout of xml2abc (CLaMP's converter): titles (the title, then
/// alternative titles), composers, the collection (<c>B:</c>), credits and notes (<c>N:</c>), transcription
/// (<c>Z:</c>), lyrics by verse (<c>W:</c>), then the musical fields.
/// </summary>
internal static class AbcHeaderWriter
{
    public static void Write(StringBuilder text, ImportedScore score, AbcVoiceState first)
    {
        text.Append("X:1\n");
        var metadata = score.Metadata;
        AppendFields(text, 'T', metadata.Titles);
        AppendFields(text, 'C', metadata.Composers);
        AppendFields(text, 'B', metadata.Collections);
        AppendFields(text, 'N', metadata.Lyricists.Select(name => AbcCredits.Note(AbcCredits.Lyricist, name)));
        AppendFields(text, 'N', metadata.Arrangers.Select(name => AbcCredits.Note(AbcCredits.Arranger, name)));
        AppendFields(text, 'N', metadata.Notes);
        AppendFields(text, 'Z', metadata.Transcriptions);
        AppendFields(text, 'W', metadata.Lyrics);
        var multiVoice = score.Voices.Count > 1;
        if (multiVoice)
        {
            text.Append("%%score ").Append(ScoreDirective(score.Voices)).Append('\n');
        }

        text.Append(AbcLength.UnitField).Append('\n');
        if (score.Tempo is > 0 and < 10_000 and var tempo)
        {
            text.Append("Q:").Append(AbcTuneWriter.FormatTempo(tempo)).Append('\n');
        }

        text.Append("M:").Append(first.Meter.Text).Append('\n');
        text.Append("K:").Append(AbcKeys.Name(first.Key));
        if (!multiVoice && first.Clef != "treble")
        {
            text.Append(" clef=").Append(first.Clef);
        }

        text.Append('\n');
        if (multiVoice)
        {
            for (var v = 0; v < score.Voices.Count; v++)
            {
                var voice = score.Voices[v];
                text.Append("V:").Append(v + 1).Append(' ').Append(voice.InitialClef);
                var firstOfPart = v == 0 || score.Voices[v - 1].PartIndex != voice.PartIndex;
                if (firstOfPart && Clean(voice.Name) is { Length: > 0 } name)
                {
                    text.Append(" nm=\"").Append(name.Replace('"', '\'')).Append('"');
                }

                text.Append('\n');
            }
        }
    }

    /// <summary>A field value on one line, without control characters.</summary>
    public static string Clean(string value)
    {
        var cleaned = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            cleaned.Append(char.IsControl(c) ? ' ' : c);
        }

        return string.Join(' ', cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>One field line per value, each once; a '%' escaped (<c>\%</c>) so that it is not read as a comment.</summary>
    private static void AppendFields(StringBuilder text, char field, IEnumerable<string> values)
    {
        foreach (var value in values.Select(Clean).Where(v => v.Length > 0).Distinct())
        {
            text.Append(field).Append(':').Append(value.Replace("%", "\\%", StringComparison.Ordinal)).Append('\n');
        }
    }

    /// <summary><c>%%score</c>: voices on one staff in parentheses, the staves of one part in braces.</summary>
    private static string ScoreDirective(IReadOnlyList<ScoreVoice> voices)
    {
        var parts = voices
            .Select((voice, index) => (voice, id: index + 1))
            .GroupBy(v => v.voice.PartIndex)
            .Select(part =>
            {
                var staves = part.GroupBy(v => v.voice.Staff)
                    .Select(staff => staff.Count() == 1 ? $"{staff.First().id}" : $"({string.Join(' ', staff.Select(v => v.id))})")
                    .ToList();
                return staves.Count == 1 ? staves[0] : $"{{{string.Join(" | ", staves)}}}";
            });
        return string.Join(' ', parts);
    }
}
