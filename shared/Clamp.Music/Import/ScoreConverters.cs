using Clamp.Music.Kern;
using Clamp.Music.Midi;
using Clamp.Music.MusicXml;

namespace Clamp.Music;

/// <summary>Converts MusicXML, MIDI and Humdrum kern to the ABC text of one tune (with its <c>T:</c>/<c>C:</c> headers).</summary>
internal static class ScoreConverters
{
    public static string ToAbc(ScoreFileFormat format, byte[] content, ParseBudget budget) => format switch
    {
        ScoreFileFormat.MusicXml => MusicXmlConverter.ToAbc(content, compressed: false, budget),
        ScoreFileFormat.CompressedMusicXml => MusicXmlConverter.ToAbc(content, compressed: true, budget),
        ScoreFileFormat.Midi => MidiConverter.ToAbc(content, budget),
        ScoreFileFormat.Kern => KernConverter.ToAbc(content, budget),
        _ => throw new ScoreReadException("import.unsupported-format", $"conversion from {format} is not available in this build"),
    };
}
