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

    /// <summary>The text before the root element (UTF-16 or any ASCII-compatible encoding).</summary>
    private static string DecodeProlog(byte[] xml)
    {
        var isUtf16 = xml.Length >= 2 && ((xml[0] == 0xFF && xml[1] == 0xFE) || (xml[0] == 0xFE && xml[1] == 0xFF)
            || (xml[0] == '<' && xml[1] == 0) || (xml[0] == 0 && xml[1] == '<'));
        var bigEndian = xml.Length >= 2 && (xml[0] == 0xFE || xml[0] == 0);
        var text = isUtf16
            ? (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(xml)
            : Encoding.Latin1.GetString(xml, 0, xml.Length);
        return text[..RootElementStart(text)];
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
