using Clamp.Ingest.Storage;

namespace Clamp.Ingest.Uploads;

/// <summary>One item of a batch: a score to store, or why that part of the batch is not a score.
/// <paramref name="Source"/> names it: the zip entry, and "#n" for the n-th tune of a multi-tune file.</summary>
internal sealed record BatchItem(string Source, NewScore? Score, BatchItemError? Error)
{
    public static BatchItem Of(string source, NewScore score) => new(source, score, null);

    public static BatchItem Failed(string source, string code, string message) => new(source, null, new BatchItemError(code, message));
}

public sealed record BatchItemError(string Code, string Message);
