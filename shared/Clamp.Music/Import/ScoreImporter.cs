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
            if (content.LongLength > options.MaxInputBytes)
            {
                throw new ScoreReadException(
                    "import.too-large", $"{fileName} is {content.LongLength:N0} bytes, over the limit of {options.MaxInputBytes:N0}");
            }

            var abc = format switch
            {
                ScoreFileFormat.Abc => ScoreTextDecoder.Decode(content),
                ScoreFileFormat.MusicXml or ScoreFileFormat.CompressedMusicXml or ScoreFileFormat.Midi => ScoreConverters.ToAbc(format.Value, content),
                _ => throw new ScoreReadException(
                    "import.unknown-format", $"{fileName} is not ABC, MusicXML (.xml, .musicxml, .mxl) or MIDI (.mid, .midi)"),
            };
            return new ScoreImport(fileName, format, LimitTunes(AbcParser.ParseFile(abc)));
        }
        catch (ScoreReadException e)
        {
            return new ScoreImport(fileName, format, [TuneResult.Failure(e.TuneIndex ?? 0, e)]);
        }
    }

    public ScoreImport Import(string path) => Import(Path.GetFileName(path), File.ReadAllBytes(path));

    private IReadOnlyList<TuneResult> LimitTunes(IReadOnlyList<TuneResult> tunes) =>
        tunes.Count <= options.MaxTunes
            ? tunes
            : tunes.Take(options.MaxTunes).Append(TuneResult.Failure(options.MaxTunes, new ScoreReadException(
                "import.too-many-tunes", $"{tunes.Count - options.MaxTunes} tunes over the limit of {options.MaxTunes} were not read", options.MaxTunes))).ToList();
}
