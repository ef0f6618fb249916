namespace Clamp.Ingest.Uploads;

/// <summary>
/// The per-score size limit of <see cref="IngestOptions.MaxUploadBytes"/> applied to the items of a batch: a batch
/// body may be larger than one score, but no score it holds (a file, a zip entry or one tune of a multi-tune file)
/// is stored when it is larger than a single upload may be. Such an item is an error; the others go on.
/// </summary>
internal static class ScoreSizeLimit
{
    public const string Code = "batch.entry-too-large";

    public static IReadOnlyList<BatchItem> Apply(IReadOnlyList<BatchItem> items, long maxBytes) =>
        items.Select(item => item.Score is { } score && score.Content.Length > maxBytes
                ? BatchItem.Failed(item.Source, Code,
                    $"{item.Source} is {score.Content.Length:N0} bytes, over the limit of {maxBytes:N0} for one score.")
                : item)
            .ToList();
}
