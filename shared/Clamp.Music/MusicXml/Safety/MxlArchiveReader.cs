using System.IO.Compression;
using System.Xml.Linq;

namespace Clamp.Music.MusicXml.Safety;

/// <summary>
/// Reads the score out of a compressed MusicXML (<c>.mxl</c>) archive without trusting its headers:
/// bounded entry count, the rootfile named by <c>META-INF/container.xml</c>, sizes counted while inflating,
/// and compression ratios checked against the bytes actually produced.
/// </summary>
internal static class MxlArchiveReader
{
    private const string ContainerPath = "META-INF/container.xml";
    private const long MaxContainerBytes = 64 * 1024;

    public static byte[] ReadScore(byte[] archive, MusicXmlReadOptions options)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(archive, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > options.MaxArchiveEntries)
            {
                throw new ScoreReadException("mxl.zip-bomb", $"The archive holds {zip.Entries.Count} entries (at most {options.MaxArchiveEntries} allowed).");
            }

            var rootPath = RootFilePath(zip, options);
            var entry = zip.GetEntry(rootPath) ?? throw new ScoreReadException("mxl.invalid", $"The archive has no entry '{rootPath}' named by its container.");
            return ReadBounded(entry, options.MaxXmlBytes, options);
        }
        catch (InvalidDataException e)
        {
            throw new ScoreReadException("mxl.invalid", $"The file is not a readable .mxl (zip) archive: {e.Message}", inner: e);
        }
    }

    private static string RootFilePath(ZipArchive zip, MusicXmlReadOptions options)
    {
        if (zip.GetEntry(ContainerPath) is { } container && ContainerRootFile(container, options) is { } path && zip.GetEntry(path) is not null)
        {
            return path;
        }

        // No usable container (missing, or broken as some exporters write it, e.g. an unescaped quote in the path):
        // take the one score file at the top of the archive.
        var candidates = zip.Entries
            .Where(e => !e.FullName.StartsWith("META-INF/", StringComparison.OrdinalIgnoreCase))
            .Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".musicxml", StringComparison.OrdinalIgnoreCase))
            .ToList();
        return candidates.Count == 1
            ? candidates[0].FullName
            : throw new ScoreReadException("mxl.invalid", $"The archive names no readable rootfile in META-INF/container.xml and has {candidates.Count} candidate score files.");
    }

    /// <summary>The score path named by the container, or null when the container cannot be read (hostile XML is still refused).</summary>
    private static string? ContainerRootFile(ZipArchiveEntry container, MusicXmlReadOptions options)
    {
        try
        {
            var xml = SafeXmlLoader.Load(ReadBounded(container, MaxContainerBytes, options), MaxContainerBytes, "The archive's container.xml");
            var rootFiles = xml.Descendants().Where(e => e.Name.LocalName == "rootfile").ToList();
            var score = rootFiles.FirstOrDefault(r => (string?)r.Attribute("media-type") is null or "application/vnd.recordare.musicxml+xml")
                ?? rootFiles.FirstOrDefault();
            return (string?)score?.Attribute("full-path") is { Length: > 0 } path ? path : null;
        }
        catch (ScoreReadException e) when (e.Code == "musicxml.invalid")
        {
            return null;
        }
    }

    private static byte[] ReadBounded(ZipArchiveEntry entry, long maxBytes, MusicXmlReadOptions options)
    {
        if (entry.Length > maxBytes)
        {
            throw new ScoreReadException("mxl.zip-bomb", $"Entry '{entry.FullName}' declares {entry.Length:N0} bytes uncompressed (at most {maxBytes:N0} allowed).");
        }

        using var source = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw new ScoreReadException("mxl.zip-bomb", $"Entry '{entry.FullName}' inflates past {maxBytes:N0} bytes.");
            }

            if (buffer.Length > options.RatioCheckThresholdBytes && buffer.Length > options.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
            {
                throw new ScoreReadException(
                    "mxl.zip-bomb",
                    $"Entry '{entry.FullName}' inflates more than {options.MaxCompressionRatio}x its compressed size ({entry.CompressedLength:N0} bytes).");
            }
        }

        if (buffer.Length != entry.Length)
        {
            throw new ScoreReadException("mxl.zip-bomb", $"Entry '{entry.FullName}' declares {entry.Length:N0} bytes but inflates to {buffer.Length:N0}.");
        }

        return buffer.ToArray();
    }
}
