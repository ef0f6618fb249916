using Clamp.Music.MusicXml.Writing;

namespace Clamp.Music.Midi;

/// <summary>
/// Transcribes a Standard MIDI File into one quantised ABC tune (sixteenth-note grid by default), so that the
/// same ABC-reading model handles MIDI uploads. Failures are <see cref="ScoreReadException"/>s:
/// <c>midi.invalid</c>, <c>midi.no-notes</c>, <c>midi.too-large</c>.
/// </summary>
public static class MidiConverter
{
    public static string ToAbc(byte[] content, ParseBudget? budget = null) => Convert(content, budget: budget).Abc;

    /// <summary>The ABC transcription of the file, made within <paramref name="budget"/> (by default the importer's for its size).</summary>
    /// <exception cref="ScoreReadException">The file cannot be transcribed; <see cref="ScoreReadException.Code"/> says why.</exception>
    public static MidiConversion Convert(byte[] content, MidiReadOptions? options = null, ParseBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= MidiReadOptions.Default;
        budget ??= ScoreImportOptions.DefaultBudgetFor(content.LongLength);
        if (content.LongLength > options.MaxInputBytes)
        {
            throw new ScoreReadException("midi.too-large", $"The file has {content.LongLength:N0} bytes (at most {options.MaxInputBytes:N0} allowed).");
        }

        try
        {
            var sequence = new SmfReader(content, options, budget).Read();
            var score = MidiScoreBuilder.Build(sequence, options, out var keyEstimated);
            var notes = sequence.Parts.Sum(p => p.Notes.Count);
            return new MidiConversion(AbcTuneWriter.Write(score, budget), score.Measures.Count, score.Voices.Count, notes, keyEstimated);
        }
        catch (ParseBudgetExceededException e)
        {
            throw e.ToReadException("midi");
        }
        catch (Exception e) when (e is not (ScoreReadException or OutOfMemoryException))
        {
            // A safety net so one odd file never stops a batch; the fuzz tests check it is never reached.
            throw new ScoreReadException("midi.unexpected", $"The MIDI file could not be transcribed ({e.GetType().Name}: {e.Message}).", inner: e);
        }
    }
}
