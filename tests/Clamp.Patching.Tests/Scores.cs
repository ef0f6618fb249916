using System.Security.Cryptography;
using System.Text;
using Clamp.Contracts.Messages;
using Clamp.Music;

namespace Clamp.Patching.Tests;

/// <summary>Ingested scores for the tests, from the committed Nottingham samples (samples/abc, GPL-3.0) and made-up text.</summary>
internal static class Scores
{
    public static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", name));

    /// <summary>The source text of one tune of a sample file, as the ingest service stores it after a batch upload.</summary>
    public static byte[] SampleTune(string file, int index) =>
        Encoding.UTF8.GetBytes(Clamp.Music.Abc.AbcTuneTexts.Split(ScoreTextDecoder.Decode(Sample(file)))[index]);

    public static ScoreIngested Ingested(string fileName, byte[] content, ScoreMetadata? metadata = null, string? targetModelVersion = null) => new()
    {
        ScoreId = Guid.NewGuid(),
        ContentHash = Convert.ToHexStringLower(SHA256.HashData(content)),
        Format = ScoreFormat.Abc,
        FileName = fileName,
        Content = content,
        Metadata = metadata ?? new ScoreMetadata(),
        IngestedAt = DateTimeOffset.UtcNow,
        TargetModelVersion = targetModelVersion,
    };

    /// <summary>Text that has the look of ABC but holds no music: the patching stage must fail it with its reason.</summary>
    public static byte[] NoMusic => "% only a comment\nT:Not a tune\n"u8.ToArray();
}
