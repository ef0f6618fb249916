using System.Xml;
using System.Xml.Linq;

namespace Clamp.Music.MusicXml.Safety;

/// <summary>Loads untrusted XML: no DTD processing, no resolver, bounded size and depth, entity declarations refused.</summary>
internal static class SafeXmlLoader
{
    /// <summary>How deep elements may nest. MusicXML needs about 10 levels; building an XDocument slows down with the square of the depth.</summary>
    public const int MaxDepth = 128;

    public static XDocument Load(byte[] xml, long maxCharacters, string what)
    {
        if (DoctypeInspector.HasInternalSubset(xml))
        {
            throw new ScoreReadException(
                "musicxml.hostile",
                $"{what} declares entities in an internal DTD subset (XML entity expansion or external entities); refused.");
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        try
        {
            CheckDepth(xml, settings, what);
            using var reader = XmlReader.Create(new MemoryStream(xml, writable: false), settings);
            return XDocument.Load(reader);
        }
        catch (XmlException e) when (e.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            throw new ScoreReadException("musicxml.too-large", $"{what} has more than {maxCharacters:N0} characters.", line: e.LineNumber, inner: e);
        }
        catch (XmlException e)
        {
            throw new ScoreReadException("musicxml.invalid", $"{what} is not well-formed XML: {e.Message}", line: e.LineNumber, inner: e);
        }
    }

    /// <summary>A first, streaming pass that refuses deep nesting before a tree is built.</summary>
    private static void CheckDepth(byte[] xml, XmlReaderSettings settings, string what)
    {
        using var reader = XmlReader.Create(new MemoryStream(xml, writable: false), settings);
        while (reader.Read())
        {
            if (reader.Depth > MaxDepth)
            {
                throw new ScoreReadException(
                    "musicxml.hostile", $"{what} nests elements more than {MaxDepth} deep; refused.", line: ((IXmlLineInfo)reader).LineNumber);
            }
        }
    }
}
