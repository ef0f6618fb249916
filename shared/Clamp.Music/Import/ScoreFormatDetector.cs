namespace Clamp.Music;

/// <summary>
/// Tells a score's format: binary signatures first (a zip is compressed MusicXML, <c>MThd</c> is MIDI), then the
/// file name's extension, then the text itself (an XML score element, a <c>**kern</c> spine, or ABC fields).
/// </summary>
public static class ScoreFormatDetector
{
    private static readonly Dictionary<string, ScoreFileFormat> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".abc"] = ScoreFileFormat.Abc,
        [".txt"] = ScoreFileFormat.Abc,
        [".xml"] = ScoreFileFormat.MusicXml,
        [".musicxml"] = ScoreFileFormat.MusicXml,
        [".mxl"] = ScoreFileFormat.CompressedMusicXml,
        [".mid"] = ScoreFileFormat.Midi,
        [".midi"] = ScoreFileFormat.Midi,
        [".krn"] = ScoreFileFormat.Kern,
    };

    public static ScoreFileFormat? Detect(string fileName, ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return ScoreFileFormat.CompressedMusicXml;
        }

        if (content.StartsWith("MThd"u8))
        {
            return ScoreFileFormat.Midi;
        }

        if (Extensions.TryGetValue(Path.GetExtension(fileName), out var format))
        {
            return format;
        }

        return SniffText(content[..Math.Min(content.Length, 4096)]);
    }

    private static ScoreFileFormat? SniffText(ReadOnlySpan<byte> head)
    {
        if (head.IndexOf("<score-partwise"u8) >= 0 || head.IndexOf("<score-timewise"u8) >= 0)
        {
            return ScoreFileFormat.MusicXml;
        }

        if (head.StartsWith("**kern"u8) || head.IndexOf("\n**kern"u8) >= 0 || head.IndexOf("\t**kern"u8) >= 0)
        {
            return ScoreFileFormat.Kern;
        }

        return head.StartsWith("X:"u8) || head.IndexOf("\nX:"u8) >= 0 || head.IndexOf("\nK:"u8) >= 0 ? ScoreFileFormat.Abc : null;
    }
}
