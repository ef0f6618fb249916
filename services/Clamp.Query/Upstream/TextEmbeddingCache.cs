using System.Diagnostics.Metrics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Clamp.Query.Upstream;

/// <summary>
/// A bounded cache of text embeddings (queries and label prompts) per model version: at most
/// <see cref="QueryOptions.TextEmbeddingCacheEntries"/> texts (0 turns it off), the least recently used evicted first.
/// A model version's weights never change (a new version is published instead), so an entry never goes stale.
/// Hits and misses are counted in <c>clamp.query.text_embedding_cache</c> (tag <c>result</c>).
/// </summary>
internal sealed class TextEmbeddingCache : IDisposable
{
    private readonly MemoryCache? _cache;
    private readonly Counter<long> _lookups;

    public TextEmbeddingCache(IOptions<QueryOptions> options, IMeterFactory meters)
    {
        var entries = options.Value.TextEmbeddingCacheEntries;
        _cache = entries > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = entries, CompactionPercentage = 0.1 }) : null;
        _lookups = meters.Create("Clamp.Query").CreateCounter<long>("clamp.query.text_embedding_cache", "{lookup}", "Text embedding cache lookups, by result (hit, miss)");
    }

    /// <summary>The cached embedding of <paramref name="text"/> under <paramref name="modelVersion"/>; callers must not modify it.</summary>
    public bool TryGet(string modelVersion, string text, out float[] embedding)
    {
        embedding = null!;
        var hit = _cache is not null && _cache.TryGetValue((modelVersion, text), out embedding!);
        _lookups.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));
        return hit;
    }

    public void Set(string modelVersion, string text, float[] embedding) =>
        _cache?.Set((modelVersion, text), embedding, new MemoryCacheEntryOptions { Size = 1 });

    public void Dispose() => _cache?.Dispose();
}
