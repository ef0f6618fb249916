using Clamp.Music.Kern;
using Clamp.Music.Midi;
using Clamp.Music.MusicXml;

namespace Clamp.Music;

/// <summary>Converts MusicXML, MIDI and Humdrum kern to the ABC text of one tune (with its <c>T:</c>/<c>C:</c> headers).</summary>
internal static class ScoreConverters
{
    public static string ToAbc(ScoreFileFormat format, byte[] content) => format switch
    {
        ScoreFileFormat.MusicXml => MusicXmlConverter.ToAbc(content, compressed: false),
        ScoreFileFormat.CompressedMusicXml => MusicXmlConverter.ToAbc(content, compressed: true),
        ScoreFileFormat.Midi => MidiConverter.ToAbc(content),
        ScoreFileFormat.Kern => KernConverter.ToAbc(content),
        _ => throw new ScoreReadException("import.unsupported-format", $"conversion from {format} is not available in this build"),
    };
}
