using Clamp.Music.MusicXml.Writing;

namespace Clamp.Music.Kern;

/// <summary>
/// Converts a Humdrum <c>**kern</c> file (<c>.krn</c>) into one ABC tune: every <c>**kern</c> spine (and sub-spine
/// after a split) is a voice, other spines (<c>**dynam</c>, <c>**text</c> ...) are skipped, reference records give
/// the title and composer. Failures are <see cref="ScoreReadException"/>s: <c>kern.malformed</c>,
/// <c>kern.no-notes</c>, <c>kern.too-large</c>.
/// </summary>
public static class KernConverter
{
    public static string ToAbc(byte[] content, ParseBudget? budget = null) => Convert(content, budget: budget).Abc;

    /// <summary>The ABC text of the file, read within <paramref name="budget"/> (by default the importer's for its size).</summary>
    /// <exception cref="ScoreReadException">The file cannot be converted; <see cref="ScoreReadException.Code"/> says why.</exception>
    public static KernConversion Convert(byte[] content, KernReadOptions? options = null, ParseBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= KernReadOptions.Default;
        budget ??= ScoreImportOptions.DefaultBudgetFor(content.LongLength);
        if (content.LongLength > options.MaxInputBytes)
        {
            throw new ScoreReadException("kern.too-large", $"The file has {content.LongLength:N0} bytes (at most {options.MaxInputBytes:N0} allowed).");
        }

        try
        {
            var builder = new KernScoreBuilder(options, budget);
            var score = builder.Build(ScoreTextDecoder.Decode(content));
            var abc = AbcTuneWriter.Write(score, budget);
            return new KernConversion(abc, score.Measures.Count, score.Voices.Count, builder.NoteCount, score.DroppedNotes);
        }
        catch (ParseBudgetExceededException e)
        {
            throw e.ToReadException("kern");
        }
        catch (Exception e) when (e is OverflowException or DivideByZeroException)
        {
            throw new ScoreReadException("kern.malformed", $"The file has durations out of range ({e.Message}).", inner: e);
        }
        catch (Exception e) when (e is not (ScoreReadException or OutOfMemoryException))
        {
            // A safety net so one odd file never stops a batch; the hostile-input tests check it is never reached.
            throw new ScoreReadException("kern.unexpected", $"The kern file could not be converted ({e.GetType().Name}: {e.Message}).", inner: e);
        }
    }
}
