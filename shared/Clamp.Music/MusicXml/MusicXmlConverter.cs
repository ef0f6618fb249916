using Clamp.Music.MusicXml.Reading;
using Clamp.Music.MusicXml.Safety;
using Clamp.Music.MusicXml.Writing;

namespace Clamp.Music.MusicXml;

/// <summary>
/// Converts a MusicXML score (<c>.musicxml</c>, <c>.xml</c> or compressed <c>.mxl</c>) into one ABC tune.
/// Untrusted input is checked first (size, archive layout, DTD entities); every failure is a
/// <see cref="ScoreReadException"/> with a code such as <c>musicxml.hostile</c> or <c>mxl.zip-bomb</c>.
/// </summary>
public static class MusicXmlConverter
{
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The ABC text of the score.</summary>
    public static string ToAbc(byte[] content, bool compressed, ParseBudget? budget = null) => Convert(content, compressed, budget: budget).Abc;

    /// <summary>
    /// The ABC text of the score with counts of what was converted, made within <paramref name="budget"/> (by default
    /// the importer's for its size).
    /// </summary>
    /// <exception cref="ScoreReadException">The score cannot be read; <see cref="ScoreReadException.Code"/> says why.</exception>
    public static MusicXmlConversion Convert(byte[] content, bool compressed, MusicXmlReadOptions? options = null, ParseBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            return ConvertChecked(content, compressed, options ?? MusicXmlReadOptions.Default, budget ?? ScoreImportOptions.DefaultBudgetFor(content.LongLength));
        }
        catch (ParseBudgetExceededException e)
        {
            throw e.ToReadException("musicxml");
        }
        catch (Exception e) when (e is not (ScoreReadException or OutOfMemoryException))
        {
            // A safety net so one odd file never stops a batch; the fuzz tests check it is never reached.
            throw new ScoreReadException("musicxml.unexpected", $"The score could not be converted ({e.GetType().Name}: {e.Message}).", inner: e);
        }
    }

    private static MusicXmlConversion ConvertChecked(byte[] content, bool compressed, MusicXmlReadOptions options, ParseBudget budget)
    {
        if (content.Length > options.MaxInputBytes)
        {
            throw new ScoreReadException("musicxml.too-large", $"The file has {content.Length:N0} bytes (at most {options.MaxInputBytes:N0} allowed).");
        }

        if (content.Length == 0)
        {
            throw new ScoreReadException("musicxml.invalid", "The file is empty.");
        }

        // The flag comes from the file name; the bytes decide (an .mxl is a zip archive, a MusicXML file is text).
        var isZip = content.AsSpan().StartsWith(ZipMagic);
        if (compressed && !isZip && !LooksLikeXml(content))
        {
            throw new ScoreReadException("mxl.invalid", "The file is not a zip archive (an .mxl must be one).");
        }

        var xml = isZip ? MxlArchiveReader.ReadScore(content, options) : content;
        if (xml.LongLength > options.MaxXmlBytes)
        {
            throw new ScoreReadException("musicxml.too-large", $"The MusicXML document has {xml.LongLength:N0} bytes (at most {options.MaxXmlBytes:N0} allowed).");
        }

        // The document itself is bounded by MaxXmlBytes and the archive's ratio checks (an .mxl unpacks to many times the
        // upload, so its bytes are not paid per byte); its elements and the ABC written are paid from the budget.
        var document = SafeXmlLoader.Load(xml, options.MaxXmlBytes, "The MusicXML document");
        try
        {
            var score = MusicXmlScoreReader.Read(document, options, budget);
            var abc = AbcTuneWriter.Write(score, budget);
            var parts = score.Voices.Select(v => v.PartIndex).Distinct().Count();
            return new MusicXmlConversion(abc, score.Measures.Count, parts, score.Voices.Count, score.DroppedNotes);
        }
        catch (Exception e) when (e is OverflowException or DivideByZeroException)
        {
            throw new ScoreReadException("musicxml.invalid", $"The score has durations or offsets out of range ({e.Message}).", inner: e);
        }
    }

    private static bool LooksLikeXml(byte[] content)
    {
        var start = content.AsSpan(0, Math.Min(content.Length, 512));
        return start.IndexOf((byte)'<') >= 0;
    }
}
