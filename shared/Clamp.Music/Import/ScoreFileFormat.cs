namespace Clamp.Music;

/// <summary>The file formats <see cref="ScoreImporter"/> reads.</summary>
public enum ScoreFileFormat
{
    Abc,
    MusicXml,
    CompressedMusicXml,
    Midi,

    /// <summary>Humdrum <c>**kern</c> (<c>.krn</c>).</summary>
    Kern,
}
