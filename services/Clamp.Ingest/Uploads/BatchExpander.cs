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
/// one score per tune. Whatever cannot become a score is an error item; the other items go on.
/// A zip is read with bounded entry count and sizes (declared and actual), so a zip bomb costs nothing.
/// </summary>
internal sealed class BatchExpander(IOptions<IngestOptions> options)
{
    public IReadOnlyList<BatchItem> Expand(UploadedFile upload)
    {
        var items = IsZip(upload) ? ExpandZip(upload) : ExpandFile(upload.FileName, upload.Content, upload.Metadata);
        var limit = options.Value.MaxBatchItems;
        return items.Count <= limit ? items
            : throw new UploadException(StatusCodes.Status400BadRequest, "batch.too-many-items",
                $"The batch holds {items.Count:N0} scores, over the limit of {limit:N0}.");
    }

    private static bool IsZip(UploadedFile upload) =>
        upload.Content.AsSpan().StartsWith("PK\u0003\u0004"u8) && !upload.FileName.EndsWith(".mxl", StringComparison.OrdinalIgnoreCase);

    private List<BatchItem> ExpandFile(string fileName, byte[] content, ScoreMetadata metadata)
    {
        var format = ScoreFormats.Detect(fileName, content);
        return format switch
        {
            null => [BatchItem.Failed(fileName, "batch.unknown-format", ScoreFormats.Unsupported(fileName).Message)],
            ScoreFormat.Abc => ExpandTunes(fileName, content, metadata),
            _ => [BatchItem.Of(fileName, new NewScore(fileName, format.Value, content, metadata))],
        };
    }

    private static List<BatchItem> ExpandTunes(string fileName, byte[] content, ScoreMetadata metadata)
    {
        var tunes = AbcTuneTexts.Split(ScoreTextDecoder.Decode(content));
        if (tunes.Count == 0)
            return [BatchItem.Failed(fileName, "abc.no-tunes", $"{fileName} holds no tune: no X: field and no music.")];
        if (tunes.Count == 1)
            return [BatchItem.Of(fileName, new NewScore(fileName, ScoreFormat.Abc, content, metadata))];
        return tunes.Select((tune, index) => BatchItem.Of($"{fileName}#{index + 1}",
            new NewScore(fileName, ScoreFormat.Abc, Encoding.UTF8.GetBytes(tune), metadata))).ToList();
    }

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
                throw new UploadException(StatusCodes.Status400BadRequest, "batch.too-many-items",
                    $"{upload.FileName} holds {entries.Count:N0} files, over the limit of {settings.MaxBatchItems:N0}.");

            var items = new List<BatchItem>();
            long total = 0;
            foreach (var entry in entries)
            {
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
                total += content.Length;
                items.AddRange(ExpandFile(entry.FullName, content, upload.Metadata));
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
