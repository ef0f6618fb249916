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

    public static UploadException Unsupported(string fileName) => new(
        StatusCodes.Status415UnsupportedMediaType, "upload.unknown-format",
        $"{fileName} is not ABC (.abc), MusicXML (.xml, .musicxml, .mxl), MIDI (.mid, .midi) or Humdrum kern (.krn).");
}
