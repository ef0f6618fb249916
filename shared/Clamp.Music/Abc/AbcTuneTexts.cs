using System.Text;

namespace Clamp.Music.Abc;

/// <summary>
/// Cuts a multi-tune ABC file into the source text of each tune, so that each can be stored and read as a score
/// of its own. Tunes are cut where <see cref="AbcParser"/> cuts them (at each <c>X:</c>); the file header (the
/// lines before the first <c>X:</c>) is put in front of every tune, since it applies to all of them. That makes the
/// tunes' texts together up to (header × tunes) long, so the cut is measured first (<see cref="Count"/>,
/// <see cref="HeaderBytes"/>, <see cref="ExpandedBytes"/>, in linear time and without building anything), and a tune's
/// text is made only when asked for: a caller checks its limits before it builds what it accepts.
/// </summary>
public sealed class AbcTuneTexts
{
    private readonly string _text;
    private readonly List<AbcLine> _lines;
    private readonly List<Range> _tunes;
    private readonly string _prefix;

    private AbcTuneTexts(string text)
    {
        _text = text;
        _lines = AbcLines.Split(text);
        (var header, _tunes) = AbcTuneSplitter.Split(text, _lines);
        var headerText = TextOf(header);
        _prefix = headerText.IsWhiteSpace() ? "" : $"{headerText.TrimEnd()}\n\n";
        HeaderBytes = Encoding.UTF8.GetByteCount(_prefix);
        ExpandedBytes = _tunes.Sum(tune => HeaderBytes + Encoding.UTF8.GetByteCount(TextOf(tune).TrimEnd()) + 1L);
    }

    /// <summary>How many tunes the file holds.</summary>
    public int Count => _tunes.Count;

    /// <summary>UTF-8 bytes of the header put in front of each tune (0 when the file has none).</summary>
    public long HeaderBytes { get; }

    /// <summary>UTF-8 bytes of all the tunes' texts together, each with the header in front.</summary>
    public long ExpandedBytes { get; }

    public static AbcTuneTexts Cut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new AbcTuneTexts(text);
    }

    /// <summary>Every tune's text: only for files already measured (see <see cref="ExpandedBytes"/>).</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var cut = Cut(text);
        return Enumerable.Range(0, cut.Count).Select(cut.Text).ToList();
    }

    /// <summary>The text of tune <paramref name="index"/> (zero-based), the header in front.</summary>
    public string Text(int index) => string.Concat(_prefix, TextOf(_tunes[index]).TrimEnd(), "\n");

    private ReadOnlySpan<char> TextOf(Range range)
    {
        var (offset, count) = range.GetOffsetAndLength(_lines.Count);
        if (count == 0)
        {
            return [];
        }

        var first = _lines[offset];
        var last = _lines[offset + count - 1];
        return _text.AsSpan(first.Start, last.Start + last.Length - first.Start);
    }
}
