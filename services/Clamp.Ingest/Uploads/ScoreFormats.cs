using Clamp.Contracts.Messages;
using Clamp.Music;

namespace Clamp.Ingest.Uploads;

/// <summary>Tells the format of an uploaded file (by signature, extension, then content) with Clamp.Music's detector.</summary>
internal static class ScoreFormats
{
    public static ScoreFormat? Detect(string fileName, ReadOnlySpan<byte> content) =>
        ScoreFormatDetector.Detect(fileName, content) switch
        {
            ScoreFileFormat.Abc => ScoreFormat.Abc,
            ScoreFileFormat.MusicXml => ScoreFormat.MusicXml,
            ScoreFileFormat.CompressedMusicXml => ScoreFormat.CompressedMusicXml,
            ScoreFileFormat.Midi => ScoreFormat.Midi,
            ScoreFileFormat.Kern => ScoreFormat.Kern,
            _ => null,
        };

    /// <summary>The media type a stored score is served with (GET /v1/scores/{id}/content).</summary>
    public static string MediaType(ScoreFormat format) => format switch
    {
        ScoreFormat.Abc => "text/vnd.abc; charset=utf-8",
        ScoreFormat.MusicXml => "application/vnd.recordare.musicxml+xml",
        ScoreFormat.CompressedMusicXml => "application/vnd.recordare.musicxml",
        ScoreFormat.Midi => "audio/midi",
        ScoreFormat.Kern => "text/x-kern; charset=utf-8",
        _ => "application/octet-stream",
    };

    public static string[] MediaTypes { get; } = Enum.GetValues<ScoreFormat>().Select(MediaType).ToArray();

    public static UploadException Unsupported(string fileName) => new(
        StatusCodes.Status415UnsupportedMediaType, "upload.unknown-format",
        $"{fileName} is not ABC (.abc), MusicXML (.xml, .musicxml, .mxl), MIDI (.mid, .midi) or Humdrum kern (.krn).");
}
