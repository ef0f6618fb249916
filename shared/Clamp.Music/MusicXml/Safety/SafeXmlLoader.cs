using System.Xml;
using System.Xml.Linq;

namespace Clamp.Music.MusicXml.Safety;

/// <summary>Loads untrusted XML: no DTD processing, no resolver, bounded size, entity declarations refused.</summary>
internal static class SafeXmlLoader
{
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
}
