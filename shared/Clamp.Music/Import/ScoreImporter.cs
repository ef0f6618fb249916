using Clamp.Music.Abc;

namespace Clamp.Music;

/// <summary>
/// The one way a score file becomes tunes (metadata + music text), used alike by the patching service,
/// training and the CLI. MusicXML and MIDI are converted to ABC first, then read as ABC. Never throws for
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
    }

    /// <summary>The whole ABC text of a file: an ABC file decoded, a MusicXML or MIDI file converted.</summary>
    /// <exception cref="ScoreReadException">The file is too large, of no known format, or cannot be converted.</exception>
    public string ReadAbc(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        if (content.LongLength > options.MaxInputBytes)
        {
            throw new ScoreReadException(
                "import.too-large", $"{fileName} is {content.LongLength:N0} bytes, over the limit of {options.MaxInputBytes:N0}");
        }

        return ScoreFormatDetector.Detect(fileName, content) switch
        {
            ScoreFileFormat.Abc => ScoreTextDecoder.Decode(content),
            { } format => ScoreConverters.ToAbc(format, content),
            null => throw new ScoreReadException(
                "import.unknown-format", $"{fileName} is not ABC, MusicXML (.xml, .musicxml, .mxl) or MIDI (.mid, .midi)"),
        };
    }

    public ScoreImport Import(string path) => Import(Path.GetFileName(path), File.ReadAllBytes(path));

    private IReadOnlyList<TuneResult> LimitTunes(IReadOnlyList<TuneResult> tunes) =>
        tunes.Count <= options.MaxTunes
            ? tunes
            : tunes.Take(options.MaxTunes).Append(TuneResult.Failure(options.MaxTunes, new ScoreReadException(
                "import.too-many-tunes", $"{tunes.Count - options.MaxTunes} tunes over the limit of {options.MaxTunes} were not read", options.MaxTunes))).ToList();
}
