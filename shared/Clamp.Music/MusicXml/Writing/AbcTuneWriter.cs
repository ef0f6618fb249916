using System.Globalization;
using System.Text;
using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.MusicXml.Writing;

/// <summary>
/// Writes an <see cref="ImportedScore"/> as one ABC tune: header (metadata, <c>L:</c>, <c>M:</c>, <c>K:</c>,
/// <c>%%score</c> and <c>V:</c> lines), then the body with the voices interleaved bar by bar, one
/// <c>[V:n]</c> line per voice and bar, as CLaMP's interleaved ABC does.
/// </summary>
public static class AbcTuneWriter
{
    /// <summary>Bars per line when the tune has a single voice.</summary>
    private const int BarsPerLine = 4;

    /// <summary>The score's ABC; each bar of each voice written is paid from <paramref name="budget"/> by its characters.</summary>
    public static string Write(ImportedScore score, ParseBudget budget)
    {
        if (score.Voices.Count == 0 || score.Measures.Count == 0)
        {
            throw new InvalidOperationException("A score needs at least one voice and one bar to be written.");
        }

        var states = score.Voices.Select((voice, index) => InitialState(score, index, voice)).ToArray();
        var text = new StringBuilder(capacity: 64 * score.Measures.Count * score.Voices.Count);
        AbcHeaderWriter.Write(text, score, states[0]);
        var bars = new AbcBarWriter(score);
        var multiVoice = score.Voices.Count > 1;
        for (var m = 0; m < score.Measures.Count; m++)
        {
            for (var v = 0; v < score.Voices.Count; v++)
            {
                if (multiVoice)
                {
                    text.Append("[V:").Append(v + 1).Append(']');
                }

                var before = text.Length;
                bars.Write(text, m, v, states[v]);
                budget.Spend(text.Length - before + 1);
                if (multiVoice || (m + 1) % BarsPerLine == 0 || m + 1 == score.Measures.Count)
                {
                    text.Append('\n');
                }
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The state a voice starts from: the header's key and meter (those of voice 1's first bar) and its own clef.
    /// Differences at the start of another voice come out as inline fields in its first bar.
    /// </summary>
    private static AbcVoiceState InitialState(ImportedScore score, int voiceIndex, ScoreVoice voice)
    {
        var leading = LeadingFields(score, 0).ToList();
        var key = leading.FirstOrDefault(f => f.Kind == FieldKind.Key)?.Key ?? KeySignature.CMajor;
        var meter = leading.FirstOrDefault(f => f.Kind == FieldKind.Meter)?.Meter ?? new Meter("none", Fraction.Zero);
        var clef = LeadingFields(score, voiceIndex).FirstOrDefault(f => f.Kind == FieldKind.Clef)?.Clef ?? voice.InitialClef;
        return new AbcVoiceState(key, meter, clef);
    }

    private static IEnumerable<FieldEvent> LeadingFields(ImportedScore score, int voiceIndex) =>
        score.Measures[0].Voices[voiceIndex].OfType<FieldEvent>().Where(f => f.Offset.IsZero);

    internal static string FormatTempo(double quartersPerMinute) =>
        $"1/4={Math.Round(quartersPerMinute).ToString(CultureInfo.InvariantCulture)}";
}
