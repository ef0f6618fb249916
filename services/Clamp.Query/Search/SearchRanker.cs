using Clamp.Contracts.Grpc;
using Clamp.Query.Upstream;
using Microsoft.Extensions.Options;

namespace Clamp.Query.Search;

/// <summary>
/// One page of a Search in its mode: semantic (the query's text embedding against the music embeddings), keyword
/// (full-text search over metadata in the vector store) or hybrid (both, fused by <see cref="ReciprocalRankFusion"/>
/// over their first <see cref="QueryOptions.FusionDepth"/> results; the two run concurrently). In the fusion a keyword
/// hit weighs <see cref="QueryOptions.KeywordWeight"/> times the square of its keyword score over
/// <see cref="QueryOptions.KeywordConfidence"/>, capped at 1 (a title or the whole query: full weight; a few common
/// words of a long description: almost none), so a query with no real keyword match ranks as semantic search does, and
/// one that names a title finds it first. Semantic hits say they matched on "music". Both rankings reach only the scores
/// of the caller's tenants.
/// </summary>
internal sealed class SearchRanker(QueryEmbedder embedder, VectorStoreGateway store, IOptions<QueryOptions> options)
{
    public const string MusicReason = "music";

    public async Task<IReadOnlyList<ScoreHit>> RankAsync(SearchMode mode, string query, string version, IReadOnlyList<string> tenants,
        ScoreFilter? filter, int offset, int limit, CancellationToken cancellationToken)
    {
        switch (mode)
        {
            case SearchMode.Semantic:
                return await SemanticAsync(query, version, tenants, filter, offset, limit, cancellationToken);
            case SearchMode.Keyword:
                return await KeywordAsync(query, version, tenants, filter, offset, limit, cancellationToken);
            default:
                // Every page fuses the same depth, so pages of one search never overlap or skip a score.
                var o = options.Value;
                var semantic = SemanticAsync(query, version, tenants, filter, 0, o.FusionDepth, cancellationToken);
                var keyword = KeywordAsync(query, version, tenants, filter, 0, o.FusionDepth, cancellationToken);
                var fused = ReciprocalRankFusion.Fuse(
                [
                    (await keyword, hit => o.KeywordWeight * Math.Pow(Math.Min(1.0, hit.Score / o.KeywordConfidence), 2)),
                    (await semantic, _ => 1.0),
                ], o.FusionK);
                return fused.Skip(offset).Take(limit).ToList();
        }
    }

    private async Task<IReadOnlyList<ScoreHit>> SemanticAsync(string query, string version, IReadOnlyList<string> tenants,
        ScoreFilter? filter, int offset, int limit, CancellationToken cancellationToken)
    {
        var vector = (await embedder.EmbedTextsAsync([query], version, cancellationToken))[0];
        return await NearestAsync(store, vector, version, tenants, filter, exclude: null, offset, limit, cancellationToken);
    }

    private async Task<IReadOnlyList<ScoreHit>> KeywordAsync(string query, string version, IReadOnlyList<string> tenants,
        ScoreFilter? filter, int offset, int limit, CancellationToken cancellationToken)
    {
        var request = new KeywordRequest { Query = query, K = limit, Offset = offset, Filter = filter, ModelVersion = version, Tenants = { tenants } };
        return (await store.KeywordAsync(request, cancellationToken)).Hits;
    }

    /// <summary>The nearest scores of <paramref name="tenants"/> to a vector, each saying it matched on "music" (Search and Similar).</summary>
    public static async Task<IReadOnlyList<ScoreHit>> NearestAsync(VectorStoreGateway store, float[] vector, string version,
        IReadOnlyList<string> tenants, ScoreFilter? filter, string? exclude, int offset, int limit, CancellationToken cancellationToken)
    {
        var request = new NearestRequest { K = limit, Offset = offset, Filter = filter, ModelVersion = version, Tenants = { tenants } };
        request.Vector.AddRange(vector);
        if (exclude is not null) request.ExcludeScoreIds.Add(exclude);
        var hits = (await store.NearestAsync(request, cancellationToken)).Hits;
        foreach (var hit in hits) hit.Matched.Add(MusicReason);
        return hits;
    }
}
