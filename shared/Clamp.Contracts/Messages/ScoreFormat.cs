namespace Clamp.Contracts.Messages;

/// <summary>The file formats a score may arrive in.</summary>
public enum ScoreFormat
{
    Abc = 0,
    MusicXml = 1,
    CompressedMusicXml = 2,
    Midi = 3,
    Kern = 4,
}
