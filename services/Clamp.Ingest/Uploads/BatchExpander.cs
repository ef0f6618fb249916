using System.IO.Compression;
using System.Text;
using Clamp.Contracts.Messages;
using Clamp.Ingest.Storage;
using Clamp.Music;
using Clamp.Music.Abc;
using Microsoft.Extensions.Options;

namespace Clamp.Ingest.Uploads;

/// <summary>
/// Turns a batch upload into scores: a zip gives one score per entry, and an ABC file (alone or in the zip)
/// one score per tune, the file's header in front of each. Whatever cannot become a score is an error item; the
/// other items go on. The limits hold while expanding, before anything is built: a zip's entry count and sizes
/// (declared and actual), so a zip bomb costs nothing; and a multi-tune file's tune count and expanded size
/// (header × tunes + tunes), measured before any tune's text is made, so a large header shared by thousands of tunes
/// costs nothing either.
/// </summary>
internal sealed class BatchExpander(IOptions<IngestOptions> options)
{
    public IReadOnlyList<BatchItem> Expand(UploadedFile upload)
    {
        var settings = options.Value;
        return IsZip(upload)
            ? ExpandZip(upload)
            : ExpandFile(upload.FileName, upload.Content, upload.Metadata, new BatchRoom(settings.MaxBatchItems, settings.MaxBatchUncompressedBytes));
    }

    private static bool IsZip(UploadedFile upload) =>
        upload.Content.AsSpan().StartsWith("PK\u0003\u0004"u8) && !upload.FileName.EndsWith(".mxl", StringComparison.OrdinalIgnoreCase);

    private List<BatchItem> ExpandFile(string fileName, byte[] content, ScoreMetadata metadata, BatchRoom room)
    {
        var format = ScoreFormats.Detect(fileName, content);
        return format switch
        {
            null => [BatchItem.Failed(fileName, "batch.unknown-format", ScoreFormats.Unsupported(fileName).Message)],
            ScoreFormat.Abc => ExpandTunes(fileName, content, metadata, room),
            _ => [BatchItem.Of(fileName, new NewScore(fileName, format.Value, content, metadata))],
        };
    }

    private List<BatchItem> ExpandTunes(string fileName, byte[] content, ScoreMetadata metadata, BatchRoom room)
    {
        var tunes = AbcTuneTexts.Cut(ScoreTextDecoder.Decode(content));
        if (tunes.Count == 0)
            return [BatchItem.Failed(fileName, "abc.no-tunes", $"{fileName} holds no tune: no X: field and no music.")];
        if (tunes.Count == 1)
            return [BatchItem.Of(fileName, new NewScore(fileName, ScoreFormat.Abc, content, metadata))];
        if (tunes.Count > room.Items)
            throw TooManyItems($"{fileName} holds {tunes.Count:N0} tunes; with them the batch holds more than {options.Value.MaxBatchItems:N0} scores, the limit.");
        if (RefuseExpansion(fileName, content.Length, tunes, room) is { } refused)
            return [refused];
        return Enumerable.Range(0, tunes.Count).Select(index => BatchItem.Of($"{fileName}#{index + 1}",
            new NewScore(fileName, ScoreFormat.Abc, Encoding.UTF8.GetBytes(tunes.Text(index)), metadata))).ToList();
    }

    /// <summary>
    /// Why a multi-tune file may not be cut into its tunes, measured before any is made: with the header in front of
    /// every tune it would grow past <see cref="IngestOptions.MaxAbcExpansionFactor"/> times its size, or past what is
    /// left of the batch's byte limit.
    /// </summary>
    private BatchItem? RefuseExpansion(string fileName, long size, AbcTuneTexts tunes, BatchRoom room)
    {
        var factor = options.Value.MaxAbcExpansionFactor;
        if (tunes.ExpandedBytes > factor * Math.Max(size, 1))
            return BatchItem.Failed(fileName, "batch.header-too-large",
                $"{fileName}'s header ({tunes.HeaderBytes:N0} bytes, the lines before the first X:) would be copied into each of its " +
                $"{tunes.Count:N0} tunes: {tunes.ExpandedBytes:N0} bytes stored for a file of {size:N0}, over {factor} times its size. " +
                "Shorten the header, or give each tune its own fields.");
        if (tunes.ExpandedBytes > room.Bytes)
            return BatchItem.Failed(fileName, "batch.too-large",
                $"{fileName}'s {tunes.Count:N0} tunes, each with the file's header, come to {tunes.ExpandedBytes:N0} bytes: more than is left of " +
                $"the batch limit of {options.Value.MaxBatchUncompressedBytes:N0}.");
        return null;
    }

    private static UploadException TooManyItems(string message) =>
        new(StatusCodes.Status400BadRequest, "batch.too-many-items", message);

    private List<BatchItem> ExpandZip(UploadedFile upload)
    {
        var settings = options.Value;
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(upload.Content, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw new UploadException(StatusCodes.Status400BadRequest, "batch.bad-zip", $"{upload.FileName} is not a readable zip: {ex.Message}");
        }

        using (archive)
        {
            var entries = archive.Entries.Where(IsScoreEntry).ToList();
            if (entries.Count > settings.MaxBatchItems)
                throw TooManyItems($"{upload.FileName} holds {entries.Count:N0} files, over the limit of {settings.MaxBatchItems:N0}.");

            var items = new List<BatchItem>();
            long total = 0;
            for (var index = 0; index < entries.Count; index++)
            {
                var entry = entries[index];
                var left = settings.MaxBatchUncompressedBytes - total;
                var tooLarge = left < settings.MaxEntryBytes
                    ? BatchItem.Failed(entry.FullName, "batch.too-large",
                        $"The batch unpacks to more than {settings.MaxBatchUncompressedBytes:N0} bytes; {entry.FullName} does not fit in what is left.")
                    : BatchItem.Failed(entry.FullName, "batch.entry-too-large",
                        $"{entry.FullName} unpacks to more than {settings.MaxEntryBytes:N0} bytes.");
                var (content, error) = ReadEntry(entry, Math.Min(settings.MaxEntryBytes, left), tooLarge);
                if (content is null)
                {
                    items.Add(error!);
                    continue;
                }
                // The entries not yet read keep one item each, so a multi-tune entry cannot take their room.
                var room = new BatchRoom(settings.MaxBatchItems - items.Count - (entries.Count - index - 1), left);
                var expanded = ExpandFile(entry.FullName, content, upload.Metadata, room);
                total += expanded.Count > 1 ? expanded.Sum(item => (long)(item.Score?.Content.Length ?? 0)) : content.Length;
                items.AddRange(expanded);
            }
            return items;
        }
    }

    private static bool IsScoreEntry(ZipArchiveEntry entry) =>
        !entry.FullName.EndsWith('/')
        && !entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)
        && !entry.Name.StartsWith('.');

    /// <summary>The entry's bytes, or why it is refused: empty, corrupt, or unpacking to more than
    /// <paramref name="limit"/> bytes (<paramref name="tooLarge"/>; checked on what is actually unpacked, not only
    /// on the size the zip declares).</summary>
    private static (byte[]? Content, BatchItem? Error) ReadEntry(ZipArchiveEntry entry, long limit, BatchItem tooLarge)
    {
        if (entry.Length > limit)
            return (null, tooLarge);
        try
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream((int)Math.Min(entry.Length, limit));
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                if (buffer.Length + read > limit)
                    return (null, tooLarge);
                buffer.Write(chunk, 0, read);
            }
            return buffer.Length > 0 ? (buffer.ToArray(), null)
                : (null, BatchItem.Failed(entry.FullName, "upload.empty", $"{entry.FullName} is empty."));
        }
        catch (InvalidDataException ex)
        {
            return (null, BatchItem.Failed(entry.FullName, "batch.bad-entry", $"{entry.FullName} cannot be unpacked: {ex.Message}"));
        }
    }
}

/// <summary>What is left of a batch's limits for the next file: items (scores and errors) and bytes.</summary>
internal readonly record struct BatchRoom(int Items, long Bytes);
