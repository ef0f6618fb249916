namespace Clamp.Music;

/// <summary>
/// A score (or one tune of a multi-tune file) could not be read. Always per score: callers catch it,
/// record the reason and go on with the next score.
/// </summary>
public class ScoreReadException : Exception
{
    public ScoreReadException(string code, string message, int? tuneIndex = null, int? line = null, Exception? inner = null)
        : base(Describe(message, tuneIndex, line), inner)
    {
        Code = code;
        TuneIndex = tuneIndex;
        Line = line;
        Reason = message;
    }

    /// <summary>Short machine-readable code, e.g. "abc.no-body", "musicxml.hostile", "midi.no-notes".</summary>
    public string Code { get; }

    /// <summary>Zero-based index of the tune within its file, where the file holds several.</summary>
    public int? TuneIndex { get; }

    /// <summary>One-based line number in the source text, where known.</summary>
    public int? Line { get; }

    /// <summary>The reason without location.</summary>
    public string Reason { get; }

    private static string Describe(string message, int? tuneIndex, int? line) =>
        (tuneIndex, line) switch
        {
            (int t, int l) => $"tune {t + 1}, line {l}: {message}",
            (int t, null) => $"tune {t + 1}: {message}",
            (null, int l) => $"line {l}: {message}",
            _ => message,
        };
}
