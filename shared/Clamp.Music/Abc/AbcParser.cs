using System.Runtime.InteropServices;

namespace Clamp.Music.Abc;

/// <summary>
/// Reads ABC files of one or many tunes. Every tune succeeds or fails on its own: a failure is a
/// <see cref="ScoreReadException"/> naming the tune and the line, never an exception out of <see cref="ParseFile(string)"/>.
/// Reading is bounded by a <see cref="ParseBudget"/> (by default that of <see cref="ScoreImportOptions"/> for the text's
/// length): once it is spent, the tune being read fails with <c>abc.too-complex</c> and the tunes after it are not read.
/// </summary>
public static class AbcParser
{
    /// <summary>The tunes of a file, in order, each read or failed with its reason.</summary>
    public static IReadOnlyList<TuneResult> ParseFile(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ParseFile(text, ScoreImportOptions.DefaultBudgetFor(text.Length));
    }

    /// <summary>The first <paramref name="maxTunes"/> tunes of a file, in order, read within <paramref name="budget"/>.</summary>
    public static IReadOnlyList<TuneResult> ParseFile(string text, ParseBudget budget, int maxTunes = int.MaxValue) =>
        ParseFile(text, budget, maxTunes, out _);

    /// <summary>The only tune of a text, or the first failure.</summary>
    /// <exception cref="ScoreReadException">The text holds no readable tune.</exception>
    public static AbcTune ParseTune(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = ParseFile(text, ScoreImportOptions.DefaultBudgetFor(text.Length), maxTunes: 1)[0];
        return first.Tune ?? throw first.Error!;
    }

    /// <summary>As <see cref="ParseFile(string, ParseBudget, int)"/>, with the number of tunes the file holds, read or not.</summary>
    internal static IReadOnlyList<TuneResult> ParseFile(string text, ParseBudget budget, int maxTunes, out int tunesInFile)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(budget);
        try
        {
            budget.Spend(text.Length);
        }
        catch (ParseBudgetExceededException e)
        {
            tunesInFile = 0;
            return [TuneResult.Failure(0, e.ToReadException("abc"))];
        }

        var lines = AbcLines.Split(text);
        var (header, tunes) = AbcTuneSplitter.Split(text, lines);
        tunesInFile = tunes.Count;
        if (tunes.Count == 0)
        {
            return [TuneResult.Failure(0, new ScoreReadException("abc.no-tunes", "the file holds no tune: no X: field and no music", 0))];
        }

        var headerFields = AbcFileHeader.Read(text, CollectionsMarshal.AsSpan(lines)[header]);
        var results = new List<TuneResult>(Math.Min(tunes.Count, maxTunes));
        for (var index = 0; index < tunes.Count && index < maxTunes; index++)
        {
            var result = ReadTune(text, lines, tunes[index], index, headerFields, budget);
            results.Add(result);
            if (result.Error?.InnerException is ParseBudgetExceededException)
            {
                break; // the budget is spent: the tunes after it are not read
            }
        }

        return results;
    }

    private static TuneResult ReadTune(string text, List<AbcLine> lines, Range tune, int index, AbcFileHeader header, ParseBudget budget)
    {
        var tuneLines = CollectionsMarshal.AsSpan(lines)[tune];
        try
        {
            return TuneResult.Success(AbcTuneReader.Read(text, tuneLines, index, header, budget));
        }
        catch (ScoreReadException e)
        {
            return TuneResult.Failure(index, e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return TuneResult.Failure(index, new ScoreReadException(
                "abc.unexpected", $"could not be read ({e.GetType().Name}: {e.Message})", index, tuneLines[0].Number, e));
        }
    }
}
