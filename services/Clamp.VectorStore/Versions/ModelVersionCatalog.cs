using Clamp.VectorStore.Storage;
using Microsoft.Extensions.Options;

namespace Clamp.VectorStore.Versions;

/// <summary>
/// The model versions as searches see them: a snapshot of <c>model_versions</c> re-read when older than
/// <see cref="VectorStoreOptions.VersionCacheMs"/>, so a search costs no extra round trip and a serving switch
/// shows within that time.
/// </summary>
public sealed class ModelVersionCatalog(ModelVersionRepository versions, IOptions<VectorStoreOptions> options, TimeProvider time)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Snapshot? _snapshot;

    /// <summary>The version a search reads: the named one, or the serving one when none is named.</summary>
    /// <exception cref="UnknownModelVersionException">The named version does not exist, or nothing serves yet.</exception>
    public async Task<ModelVersionRecord> ResolveAsync(string? modelVersion, CancellationToken cancellationToken)
    {
        var all = await GetAsync(cancellationToken);
        if (string.IsNullOrEmpty(modelVersion))
            return all.FirstOrDefault(v => v.IsServing)
                ?? throw new UnknownModelVersionException("No model version serves searches yet: no score has been indexed.");
        return all.FirstOrDefault(v => v.ModelVersion == modelVersion)
            ?? (await versions.FindAsync(modelVersion, cancellationToken))
            ?? throw new UnknownModelVersionException($"Model version '{modelVersion}' is not known to the vector store.");
    }

    private async Task<IReadOnlyList<ModelVersionRecord>> GetAsync(CancellationToken cancellationToken)
    {
        var maxAge = TimeSpan.FromMilliseconds(options.Value.VersionCacheMs);
        if (_snapshot is { } fresh && time.GetUtcNow() - fresh.ReadAt < maxAge) return fresh.Versions;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } current && time.GetUtcNow() - current.ReadAt < maxAge) return current.Versions;
            var read = await versions.ListAsync(cancellationToken);
            _snapshot = new Snapshot(read, time.GetUtcNow());
            return read;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private sealed record Snapshot(IReadOnlyList<ModelVersionRecord> Versions, DateTimeOffset ReadAt);
}
