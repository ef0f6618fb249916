using System.Text;

namespace Clamp.Music.MusicXml.Safety;

/// <summary>
/// Looks at the prolog of an XML document, before any parser sees it, for a DOCTYPE with an internal subset:
/// that is where entity declarations (billion laughs, external entities) live. MusicXML only ever uses a
/// DOCTYPE with a public identifier, which is accepted and ignored.
/// </summary>
internal static class DoctypeInspector
{
    public static bool HasInternalSubset(byte[] xml)
    {
        var prolog = DecodeProlog(xml);
        var doctype = prolog.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        if (doctype < 0)
        {
            return prolog.Contains("<!ENTITY", StringComparison.Ordinal);
        }

        char? quote = null;
        for (var i = doctype + 9; i < prolog.Length; i++)
        {
            var c = prolog[i];
            if (quote is { } q)
            {
                quote = c == q ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '[')
            {
                return true;
            }
            else if (c == '>')
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The text before the root element (UTF-16 or any ASCII-compatible encoding), decoding a growing window
    /// from the start so that a large document is not decoded whole.
    /// </summary>
    private static string DecodeProlog(byte[] xml)
    {
        var isUtf16 = xml.Length >= 2 && ((xml[0] == 0xFF && xml[1] == 0xFE) || (xml[0] == 0xFE && xml[1] == 0xFF)
            || (xml[0] == '<' && xml[1] == 0) || (xml[0] == 0 && xml[1] == '<'));
        var encoding = !isUtf16 ? Encoding.Latin1 : xml[0] is 0xFE or 0 ? Encoding.BigEndianUnicode : Encoding.Unicode;
        for (var window = 4096; ; window *= 4)
        {
            var length = Math.Min(xml.Length, window) & ~1;
            var text = encoding.GetString(xml, 0, length == 0 ? xml.Length : length);
            var root = RootElementStart(text);
            if (root < text.Length || length >= xml.Length - 1)
            {
                return text[..root];
            }
        }
    }

    private static int RootElementStart(string text)
    {
        var i = 0;
        while ((i = text.IndexOf('<', i)) >= 0 && i + 1 < text.Length)
        {
            var next = text[i + 1];
            if (char.IsLetter(next) || next == '_')
            {
                return i;
            }

            i = next switch
            {
                '!' when string.CompareOrdinal(text, i, "<!--", 0, 4) == 0 => SkipPast(text, i, "-->"),
                '?' => SkipPast(text, i, "?>"),
                _ => i + 1,
            };
            if (i < 0)
            {
                break;
            }
        }

        return text.Length;
    }

    private static int SkipPast(string text, int from, string end)
    {
        var index = text.IndexOf(end, from + 2, StringComparison.Ordinal);
        return index < 0 ? -1 : index + end.Length;
    }
}
