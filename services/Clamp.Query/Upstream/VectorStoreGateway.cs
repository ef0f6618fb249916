using Clamp.Contracts.Grpc;
using Grpc.Core;
using Microsoft.Extensions.Options;
using VectorStoreClient = Clamp.Contracts.Grpc.VectorStore.VectorStoreClient;

namespace Clamp.Query.Upstream;

/// <summary>The vector store as the query service uses it: nearest scores, keyword matches, stored embeddings, the serving version.</summary>
internal sealed class VectorStoreGateway(VectorStoreClient client, IOptions<QueryOptions> options, TimeProvider time)
{
    private const string Backend = "vector store";
    private volatile ServingVersion? serving;

    public Task<NearestResponse> NearestAsync(NearestRequest request, CancellationToken cancellationToken) =>
        UpstreamCall.RunAsync(Backend, async () => await client.NearestAsync(request, cancellationToken: cancellationToken));

    public Task<NearestResponse> KeywordAsync(KeywordRequest request, CancellationToken cancellationToken) =>
        UpstreamCall.RunAsync(Backend, async () => await client.KeywordAsync(request, cancellationToken: cancellationToken));

    /// <summary>The stored embedding of a score of one of <paramref name="tenants"/>.</summary>
    /// <exception cref="RpcException">NotFound when the score is not indexed for that version, or is another tenant's.</exception>
    public async Task<float[]> EmbeddingAsync(string scoreId, string modelVersion, IReadOnlyList<string> tenants, CancellationToken cancellationToken)
    {
        var response = await UpstreamCall.RunAsync(Backend, async () => await client.GetEmbeddingAsync(
            new GetEmbeddingRequest { ScoreId = scoreId, ModelVersion = modelVersion, Tenants = { tenants } }, cancellationToken: cancellationToken));
        return response.Found
            ? response.Vector.ToArray()
            : throw new RpcException(new Status(StatusCode.NotFound, $"Score '{scoreId}' is not indexed for model version '{modelVersion}'."));
    }

    /// <summary>The version a request reads: the one it names, or the serving one (cached briefly).</summary>
    public async Task<string> ResolveVersionAsync(string requested, CancellationToken cancellationToken)
    {
        if (requested.Length > 0) return requested;
        var maxAge = TimeSpan.FromMilliseconds(options.Value.ServingVersionCacheMs);
        if (serving is { } cached && time.GetUtcNow() - cached.ReadAt < maxAge) return cached.Version;
        var response = await UpstreamCall.RunAsync(Backend, async () =>
            await client.GetModelVersionsAsync(new GetModelVersionsRequest(), cancellationToken: cancellationToken));
        if (response.ServingVersion.Length == 0)
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "No model version serves searches yet: nothing has been indexed."));
        serving = new ServingVersion(response.ServingVersion, time.GetUtcNow());
        return response.ServingVersion;
    }

    /// <summary>The serving version and when it was read (a reference, so readers never see half an update).</summary>
    private sealed record ServingVersion(string Version, DateTimeOffset ReadAt);
}
