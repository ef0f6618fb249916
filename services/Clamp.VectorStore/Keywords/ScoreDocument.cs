namespace Clamp.VectorStore.Keywords;

/// <summary>The metadata of one score that keyword search reads, and its tenant (one row per score, whatever the model version).</summary>
public sealed record ScoreDocument(
    Guid ScoreId,
    string? Title,
    IReadOnlyList<string> AlternativeTitles,
    string? Composer,
    string? Lyricist,
    string? Arranger,
    string? Collection,
    IReadOnlyList<string> Tags,
    string? Type,
    string? Origin,
    string? Notes,
    string? Lyrics,
    string Tenant);
