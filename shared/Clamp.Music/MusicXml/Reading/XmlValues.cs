using System.Globalization;
using System.Xml.Linq;
using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.MusicXml.Reading;

/// <summary>Lenient typed access to MusicXML child elements and attributes.</summary>
internal static class XmlValues
{
    public static string? Text(this XElement element, string child) => element.Element(child)?.Value.Trim();

    public static int? Int(this XElement element, string child) => ParseInt(element.Text(child));

    public static decimal? Decimal(this XElement element, string child) =>
        decimal.TryParse(element.Text(child), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A duration or offset child in divisions per quarter note, as a fraction of a whole note.</summary>
    public static Fraction? Time(this XElement element, string child, int divisions) =>
        element.Decimal(child) is { } value and > -100_000_000 and < 100_000_000
            ? new Fraction((long)Math.Round(value * 1000), 4000L * divisions)
            : null;

    public static int? IntAttribute(this XElement element, string name) => ParseInt((string?)element.Attribute(name));

    public static string? Attr(this XElement element, string name) => ((string?)element.Attribute(name))?.Trim();

    private static int? ParseInt(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
