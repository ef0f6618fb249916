namespace Clamp.Music;

/// <summary>Limits on what <see cref="ScoreImporter"/> accepts (configuration section <see cref="SectionName"/>).</summary>
public sealed class ScoreImportOptions
{
    public const string SectionName = "ScoreImport";

    /// <summary>The largest file accepted, in bytes.</summary>
    public long MaxInputBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The most tunes read from one file; the rest fail with a clear error.</summary>
    public int MaxTunes { get; set; } = 20_000;
}
