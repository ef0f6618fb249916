using Clamp.Contracts.Grpc;
using Clamp.VectorStore.Keywords;
using Clamp.VectorStore.Storage;
using Clamp.VectorStore.Versions;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Clamp.VectorStore.Grpc;

/// <summary>
/// The internal gRPC API: k-NN and keyword search with filters, stored embeddings and the model versions. Every
/// request about scores names the tenants whose scores it may reach (the query service passes the caller's).
/// </summary>
public sealed class VectorStoreService(
    ModelVersionCatalog catalog,
    ModelVersionRepository versions,
    NearestSearch search,
    KeywordSearch keywords,
    EmbeddingReader embeddings,
    IOptions<VectorStoreOptions> options) : Contracts.Grpc.VectorStore.VectorStoreBase
{
    public override async Task<NearestResponse> Nearest(NearestRequest request, ServerCallContext context)
    {
        var version = await ResolveAsync(request.ModelVersion, context.CancellationToken);
        var query = NearestRequestValidator.Validate(request, version, options.Value);
        var hits = await search.SearchAsync(version, query, context.CancellationToken);
        return new NearestResponse { Hits = { hits }, ModelVersion = version.ModelVersion };
    }

    public override async Task<NearestResponse> Keyword(KeywordRequest request, ServerCallContext context)
    {
        var query = NearestRequestValidator.Validate(request, options.Value);
        var version = await ResolveAsync(request.ModelVersion, context.CancellationToken);
        var hits = await keywords.SearchAsync(version, query, context.CancellationToken);
        return new NearestResponse { Hits = { hits }, ModelVersion = version.ModelVersion };
    }

    public override async Task<GetEmbeddingResponse> GetEmbedding(GetEmbeddingRequest request, ServerCallContext context)
    {
        var scoreId = NearestRequestValidator.ParseScoreId(request.ScoreId);
        var tenants = NearestRequestValidator.TenantsOf(request.Tenants);
        var version = await ResolveAsync(request.ModelVersion, context.CancellationToken);
        var vector = await embeddings.FindAsync(version, scoreId, tenants, context.CancellationToken);
        var response = new GetEmbeddingResponse { ModelVersion = version.ModelVersion, Found = vector is not null };
        if (vector is not null) response.Vector.AddRange(vector);
        return response;
    }

    public override async Task<GetModelVersionsResponse> GetModelVersions(GetModelVersionsRequest request, ServerCallContext context)
    {
        var all = await versions.ListAsync(context.CancellationToken);
        var response = new GetModelVersionsResponse
        {
            ServingVersion = all.FirstOrDefault(v => v.IsServing)?.ModelVersion ?? "",
        };
        response.Versions.AddRange(all.Select(v => new ModelVersionState
        {
            ModelId = v.ModelId,
            ModelVersion = v.ModelVersion,
            State = v.State,
            Indexed = v.Indexed,
            Total = v.Total ?? v.Indexed + v.Failed,
        }));
        return response;
    }

    private async Task<ModelVersionRecord> ResolveAsync(string modelVersion, CancellationToken cancellationToken)
    {
        try
        {
            return await catalog.ResolveAsync(modelVersion, cancellationToken);
        }
        catch (UnknownModelVersionException ex)
        {
            throw new RpcException(new Status(
                string.IsNullOrEmpty(modelVersion) ? StatusCode.FailedPrecondition : StatusCode.NotFound, ex.Message));
        }
    }
}
