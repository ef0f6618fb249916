using System.Runtime.InteropServices;

namespace Clamp.Music.Abc;

/// <summary>
/// Reads ABC files of one or many tunes. Every tune succeeds or fails on its own: a failure is a
/// <see cref="ScoreReadException"/> naming the tune and the line, never an exception out of <see cref="ParseFile"/>.
/// </summary>
public static class AbcParser
{
    /// <summary>The tunes of a file, in order, each read or failed with its reason.</summary>
    public static IReadOnlyList<TuneResult> ParseFile(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = AbcLines.Split(text);
        var (header, tunes) = AbcTuneSplitter.Split(text, lines);
        if (tunes.Count == 0)
        {
            return [TuneResult.Failure(0, new ScoreReadException("abc.no-tunes", "the file holds no tune: no X: field and no music", 0))];
        }

        var headerFields = ReadFileHeader(text, CollectionsMarshal.AsSpan(lines)[header]);
        var results = new List<TuneResult>(tunes.Count);
        for (var index = 0; index < tunes.Count; index++)
        {
            results.Add(ReadTune(text, lines, tunes[index], index, headerFields));
        }

        return results;
    }

    /// <summary>The only tune of a text, or the first failure.</summary>
    /// <exception cref="ScoreReadException">The text holds no readable tune.</exception>
    public static AbcTune ParseTune(string text)
    {
        var first = ParseFile(text)[0];
        return first.Tune ?? throw first.Error!;
    }

    private static TuneResult ReadTune(string text, List<AbcLine> lines, Range tune, int index, IReadOnlyList<AbcField> headerFields)
    {
        var tuneLines = CollectionsMarshal.AsSpan(lines)[tune];
        try
        {
            return TuneResult.Success(AbcTuneReader.Read(text, tuneLines, index, headerFields));
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

    private static List<AbcField> ReadFileHeader(string text, ReadOnlySpan<AbcLine> lines)
    {
        var fields = new List<AbcField>();
        foreach (var line in lines)
        {
            if (AbcField.TryRead(line.In(text), out var field) && field.Name != '+')
            {
                fields.Add(field);
            }
        }

        return fields;
    }
}
