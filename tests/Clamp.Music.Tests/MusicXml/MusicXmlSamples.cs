using Clamp.Music.MusicXml;
using Clamp.Music.Tests.Support;

namespace Clamp.Music.Tests.MusicXml;

/// <summary>Converts a committed sample file.</summary>
internal static class MusicXmlSamples
{
    public static MusicXmlConversion Convert(string name) =>
        MusicXmlConverter.Convert(File.ReadAllBytes(Samples.PathOf($"musicxml/{name}")), name.EndsWith(".mxl", StringComparison.Ordinal));
}
