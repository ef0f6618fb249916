using System.Text;
using System.Text.Unicode;

namespace Clamp.Music.Midi;

/// <summary>
/// The text of a file's meta events, decoded and bounded: UTF-8 where the bytes are valid UTF-8, else Latin-1 (what
/// most older files mean); control characters removed. Track names are cut to <see cref="MaxNameLength"/> characters
/// each; copyright, text and lyric events share one budget of characters for the whole file, and once it is spent their
/// text is no longer decoded.
/// </summary>
internal sealed class MidiMetaText(int budget)
{
    public const int MaxNameLength = 200;

    private int _left = budget;

    /// <summary>A track name on one line, at most <see cref="MaxNameLength"/> characters; null when nothing is left.</summary>
    public static string? Name(ReadOnlySpan<byte> bytes) => NonEmpty(OneLine(Decode(bytes[..Math.Min(bytes.Length, MaxNameLength)])));

    /// <summary>The text of a copyright or text event on one line, taken from the budget; null when empty or the budget is spent.</summary>
    public string? Line(ReadOnlySpan<byte> bytes) => NonEmpty(Take(bytes, OneLine));

    /// <summary>
    /// The text of a lyric event as written (its spaces mean something: a syllable ends a word or not), line breaks as
    /// <c>'\n'</c>, taken from the budget; null when empty or the budget is spent. A lone space is kept: it may part two words.
    /// </summary>
    public string? Syllable(ReadOnlySpan<byte> bytes) => Take(bytes, text => text) is { Length: > 0 } syllable ? syllable : null;

    private string Take(ReadOnlySpan<byte> bytes, Func<string, string> shape)
    {
        if (_left <= 0)
        {
            return "";
        }

        // Each byte decodes to at most one character, so the slice never holds more than is left.
        var text = shape(Decode(bytes[..Math.Min(bytes.Length, _left)]));
        _left -= text.Length;
        return text;
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        var text = Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
        var cleaned = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
            {
                cleaned.Append('\n');
            }
            else if (c == '\t')
            {
                cleaned.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                cleaned.Append(c);
            }
        }

        return cleaned.ToString();
    }

    private static string OneLine(string text) => string.Join(' ', text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static string? NonEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
