namespace Clamp.VectorStore.Storage;

/// <summary>One score's embedding, its filterable metadata and its tenant, as stored in a version table.</summary>
public sealed record EmbeddingRow(
    Guid ScoreId,
    string ContentHash,
    float[] Embedding,
    string? Collection,
    string? Key,
    string? Meter,
    string? Type,
    IReadOnlyList<string> Tags,
    string? Title,
    string? Composer,
    string Tenant);
