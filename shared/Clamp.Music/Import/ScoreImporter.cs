using Clamp.Music.Abc;

namespace Clamp.Music;

/// <summary>
/// The one way a score file becomes tunes (metadata + music text), used alike by the patching service,
/// training and the CLI. MusicXML, MIDI and Humdrum kern are converted to ABC first, then read as ABC. Never throws for
/// bad input: a file-level problem is one failed tune, a tune-level problem fails that tune only.
/// </summary>
public sealed class ScoreImporter(ScoreImportOptions options)
{
    public ScoreImporter()
        : this(new ScoreImportOptions())
    {
    }

    public ScoreImport Import(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var format = ScoreFormatDetector.Detect(fileName, content);
        try
        {
            return new ScoreImport(fileName, format, LimitTunes(AbcParser.ParseFile(ReadAbc(fileName, content))));
        }
        catch (ScoreReadException e)
        {
            return new ScoreImport(fileName, format, [TuneResult.Failure(e.TuneIndex ?? 0, e)]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A safety net so that one odd file never stops a batch; the fuzz tests check it is never reached.
            var error = new ScoreReadException("import.unexpected", $"{fileName} could not be read ({e.GetType().Name}: {e.Message})", inner: e);
            return new ScoreImport(fileName, format, [TuneResult.Failure(0, error)]);
        }
    }

    /// <summary>The whole ABC text of a file: an ABC file decoded, a MusicXML, MIDI or kern file converted.</summary>
    /// <exception cref="ScoreReadException">The file is too large, of no known format, or cannot be converted.</exception>
    public string ReadAbc(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        if (content.LongLength > options.MaxInputBytes)
        {
            throw TooLarge(fileName, content.LongLength);
        }

        return ScoreFormatDetector.Detect(fileName, content) switch
        {
            ScoreFileFormat.Abc => ScoreTextDecoder.Decode(content),
            { } format => ScoreConverters.ToAbc(format, content),
            null => throw new ScoreReadException(
                "import.unknown-format", $"{fileName} is not ABC, MusicXML (.xml, .musicxml, .mxl), MIDI (.mid, .midi) or Humdrum kern (.krn)"),
        };
    }

    /// <summary>Imports a file from disk; a file over the size limit is refused before it is read.</summary>
    public ScoreImport Import(string path) =>
        RefuseTooLarge(path) is { } tooLarge
            ? new ScoreImport(Path.GetFileName(path), null, [TuneResult.Failure(0, tooLarge)])
            : Import(Path.GetFileName(path), File.ReadAllBytes(path));

    /// <summary>The whole ABC text of a file on disk; a file over the size limit is refused before it is read.</summary>
    /// <exception cref="ScoreReadException">The file is too large, of no known format, or cannot be converted.</exception>
    public string ReadAbc(string path) =>
        RefuseTooLarge(path) is { } tooLarge ? throw tooLarge : ReadAbc(Path.GetFileName(path), File.ReadAllBytes(path));

    private ScoreReadException? RefuseTooLarge(string path) =>
        new FileInfo(path).Length is var length && length > options.MaxInputBytes ? TooLarge(Path.GetFileName(path), length) : null;

    private IReadOnlyList<TuneResult> LimitTunes(IReadOnlyList<TuneResult> tunes) =>
        tunes.Count <= options.MaxTunes
            ? tunes
            : tunes.Take(options.MaxTunes).Append(TuneResult.Failure(options.MaxTunes, new ScoreReadException(
                "import.too-many-tunes", $"{tunes.Count - options.MaxTunes} tunes over the limit of {options.MaxTunes} were not read", options.MaxTunes))).ToList();

    private ScoreReadException TooLarge(string fileName, long length) =>
        new("import.too-large", $"{fileName} is {length:N0} bytes, over the limit of {options.MaxInputBytes:N0}");
}
