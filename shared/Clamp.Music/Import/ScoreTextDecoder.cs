using System.Text;

namespace Clamp.Music;

/// <summary>Decodes a text score: a byte-order mark decides; otherwise strict UTF-8, falling back to Latin-1 (old ABC files).</summary>
public static class ScoreTextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(Encoding.UTF8.Preamble))
        {
            content = content[Encoding.UTF8.Preamble.Length..];
        }
        else if (content.StartsWith(Encoding.Unicode.Preamble))
        {
            return Encoding.Unicode.GetString(content[2..]);
        }
        else if (content.StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            return Encoding.BigEndianUnicode.GetString(content[2..]);
        }

        try
        {
            return StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(content);
        }
    }
}
