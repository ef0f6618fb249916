namespace Clamp.Contracts.Messages;

/// <summary>
/// A score was converted to music text (metadata removed) and cut into bar patches.
/// </summary>
public sealed record ScorePatched
{
    public required Guid ScoreId { get; init; }
    public required string ContentHash { get; init; }
    /// <summary>Patch scheme name, e.g. "clamp1".</summary>
    public required string PatchScheme { get; init; }
    /// <summary>Patch length in characters (64 for CLaMP).</summary>
    public required int PatchLength { get; init; }
    /// <summary>Patches flattened row-major: PatchCount x PatchLength character ids (0..127).</summary>
    public required byte[] Patches { get; init; }
    public required int PatchCount { get; init; }
    /// <summary>
    /// The music text the patches were cut from (ABC, metadata removed), so that a model whose manifest names another
    /// patch scheme cuts its own input from it (<c>ModelInput</c>) instead of failing the score. Null in messages
    /// published before it existed.
    /// </summary>
    public string? MusicText { get; init; }
    /// <summary>Metadata read from the file and merged with the uploader's, normalised for filters.</summary>
    public required ScoreMetadata Metadata { get; init; }
    /// <summary>The tenant the score belongs to (<see cref="Tenants"/>); null in messages published before tenancy.</summary>
    public string? Tenant { get; init; }
    /// <summary>
    /// When set, only this model version should embed the score (re-indexing);
    /// when null, every active model version does.
    /// </summary>
    public string? TargetModelVersion { get; init; }
}
