using Clamp.Music;
using Clamp.Web.Api;

namespace Clamp.Web.Notation;

/// <summary>
/// A stored score as ABC for the page's renderer (abcjs reads ABC only): ABC as it is, MusicXML, MIDI and kern
/// through the same converters the patching service feeds the model with (Clamp.Music.ScoreImporter, with its
/// limits), so the page shows the music the platform indexed. A score that cannot be converted gets its reason.
/// </summary>
internal sealed class NotationReader(ScoreImporter importer, ILogger<NotationReader> logger)
{
    public NotationResult Read(string fileName, byte[] content)
    {
        var format = ScoreFormatDetector.Detect(fileName, content);
        try
        {
            var abc = importer.ReadAbc(fileName, content);
            return new NotationResult(new NotationView(Name(format), fileName, format is not ScoreFileFormat.Abc, abc), null, null);
        }
        catch (ScoreReadException ex)
        {
            return new NotationResult(null, ex.Code, ex.Message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The same last-resort net as ScoreImporter.Import: one odd file gets a reason, never a 500.
            logger.LogWarning(ex, "Converting {FileName} to ABC failed unexpectedly", fileName);
            return new NotationResult(null, "import.unexpected", $"{fileName} could not be converted ({ex.GetType().Name}).");
        }
    }

    private static string Name(ScoreFileFormat? format) => format switch
    {
        ScoreFileFormat.Abc => "abc",
        ScoreFileFormat.MusicXml => "musicxml",
        ScoreFileFormat.CompressedMusicXml => "mxl",
        ScoreFileFormat.Midi => "midi",
        ScoreFileFormat.Kern => "kern",
        _ => "unknown",
    };
}

/// <summary>The notation, or the reader's code and reason why there is none.</summary>
internal sealed record NotationResult(NotationView? Notation, string? ReaderCode, string? Reason);
