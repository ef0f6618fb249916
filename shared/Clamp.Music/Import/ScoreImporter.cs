using Clamp.Music.Abc;

namespace Clamp.Music;

/// <summary>
/// The one way a score file becomes tunes (metadata + music text), used alike by the patching service, the query
/// service's uploads, training and the CLI. MusicXML, MIDI and Humdrum kern are converted to ABC first, then read as
/// ABC. Every read is bounded by one <see cref="ParseBudget"/> per file (<see cref="ScoreImportOptions.BudgetFor"/>),
/// spent by the converter and the ABC reader alike: a file that needs more fails with its reason
/// (<c>abc.too-complex</c>, <c>musicxml.too-complex</c> …). Never throws for bad input: a file-level problem is one
/// failed tune, a tune-level problem fails that tune only.
/// </summary>
public sealed class ScoreImporter(ScoreImportOptions options)
{
    public ScoreImporter()
        : this(new ScoreImportOptions())
    {
    }

    /// <summary>Every tune of a file (up to <see cref="ScoreImportOptions.MaxTunes"/>).</summary>
    public ScoreImport Import(string fileName, byte[] content) => Import(fileName, content, options.MaxTunes);

    /// <summary>
    /// The first tune of a file, for the services that use only that one (patching, query uploads): the tunes after it
    /// are never read, so their number and the header they share cost nothing.
    /// </summary>
    public TuneResult ImportFirstTune(string fileName, byte[] content) => Import(fileName, content, maxTunes: 1).Tunes[0];

    /// <summary>The whole ABC text of a file: an ABC file decoded, a MusicXML, MIDI or kern file converted.</summary>
    /// <exception cref="ScoreReadException">The file is too large, of no known format, or cannot be converted.</exception>
    public string ReadAbc(string fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            return ReadAbc(fileName, content, options.BudgetFor(content.LongLength));
        }
        catch (ParseBudgetExceededException e)
        {
            throw e.ToReadException("import");
        }
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

    private ScoreImport Import(string fileName, byte[] content, int maxTunes)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var format = ScoreFormatDetector.Detect(fileName, content);
        try
        {
            var budget = options.BudgetFor(content.LongLength);
            var tunes = AbcParser.ParseFile(ReadAbc(fileName, content, budget), budget, Math.Min(maxTunes, options.MaxTunes), out var tunesInFile);
            return new ScoreImport(fileName, format, maxTunes < options.MaxTunes ? tunes : LimitTunes(tunes, tunesInFile));
        }
        catch (ScoreReadException e)
        {
            return new ScoreImport(fileName, format, [TuneResult.Failure(e.TuneIndex ?? 0, e)]);
        }
        catch (ParseBudgetExceededException e)
        {
            return new ScoreImport(fileName, format, [TuneResult.Failure(0, e.ToReadException("import"))]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A safety net so that one odd file never stops a batch; the fuzz tests check it is never reached.
            var error = new ScoreReadException("import.unexpected", $"{fileName} could not be read ({e.GetType().Name}: {e.Message})", inner: e);
            return new ScoreImport(fileName, format, [TuneResult.Failure(0, error)]);
        }
    }

    private string ReadAbc(string fileName, byte[] content, ParseBudget budget)
    {
        if (content.LongLength > options.MaxInputBytes)
        {
            throw TooLarge(fileName, content.LongLength);
        }

        return ScoreFormatDetector.Detect(fileName, content) switch
        {
            ScoreFileFormat.Abc => ScoreTextDecoder.Decode(content),
            { } format => ScoreConverters.ToAbc(format, content, budget),
            null => throw new ScoreReadException(
                "import.unknown-format", $"{fileName} is not ABC, MusicXML (.xml, .musicxml, .mxl), MIDI (.mid, .midi) or Humdrum kern (.krn)"),
        };
    }

    private ScoreReadException? RefuseTooLarge(string path) =>
        new FileInfo(path).Length is var length && length > options.MaxInputBytes ? TooLarge(Path.GetFileName(path), length) : null;

    /// <summary>The tunes read, and one failure for those over <see cref="ScoreImportOptions.MaxTunes"/>, which were never read.</summary>
    private IReadOnlyList<TuneResult> LimitTunes(IReadOnlyList<TuneResult> tunes, int tunesInFile) =>
        tunesInFile <= options.MaxTunes || tunes.Count < options.MaxTunes
            ? tunes
            : tunes.Append(TuneResult.Failure(options.MaxTunes, new ScoreReadException(
                "import.too-many-tunes", $"{tunesInFile - options.MaxTunes} tunes over the limit of {options.MaxTunes} were not read", options.MaxTunes))).ToList();

    private ScoreReadException TooLarge(string fileName, long length) =>
        new("import.too-large", $"{fileName} is {length:N0} bytes, over the limit of {options.MaxInputBytes:N0}");
}
