using Clamp.Contracts.Grpc;
using Clamp.Query.Classification;
using Clamp.Query.Paging;
using Clamp.Query.Search;
using Clamp.Query.Uploads;
using Clamp.Query.Upstream;
using Clamp.ServiceDefaults.Auth;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Clamp.Query.Grpc;

/// <summary>
/// The public API. Search ranks by keywords, by the query's text embedding, or both fused (<see cref="SearchRanker"/>);
/// Similar starts from a stored score's embedding, an uploaded score or a pasted ABC fragment; Classify compares a
/// score with label prompts. Each reaches only the scores of the caller's tenants (its API key's, and the shared ones:
/// <see cref="TenantAccess"/>): another tenant's score id is NOT_FOUND, as an unknown one. The caller's deadline and
/// cancellation reach the backends (call-context propagation on the clients).
/// </summary>
internal sealed class ScoreSearchService(
    Paginator pages,
    SearchRanker ranker,
    QueryEmbedder embedder,
    VectorStoreGateway store,
    UploadedScoreEmbedder uploads,
    TenantAccess access,
    IOptions<QueryOptions> options) : ScoreSearch.ScoreSearchBase
{
    public override async Task<SearchResponse> Search(SearchRequest request, ServerCallContext context)
    {
        var query = request.Query.Trim();
        if (query.Length == 0)
            throw Invalid("The query is empty.");
        if (query.Length > options.Value.MaxQueryLength)
            throw Invalid($"The query is {query.Length} characters long; at most {options.Value.MaxQueryLength} are accepted.");
        if (!Enum.IsDefined(request.Mode))
            throw Invalid($"Unknown search mode {(int)request.Mode}.");
        var mode = request.Mode == SearchMode.Unspecified ? SearchMode.Hybrid : request.Mode;
        var k = pages.PageSize(request.K);
        var cursor = await pages.OpenAsync(request.PageToken, request.ModelVersion,
            PageCursor.FingerprintOf($"search:{mode}", query, request.Filter), context.CancellationToken);

        var tenants = Tenants(context);
        var page = await Paginator.ReadAsync(cursor, k, (offset, limit) =>
            ranker.RankAsync(mode, query, cursor.ModelVersion, tenants, request.Filter, offset, limit, context.CancellationToken));
        return new SearchResponse { Hits = { page.Hits }, NextPageToken = page.NextPageToken, ModelVersion = cursor.ModelVersion };
    }

    public override async Task<SimilarResponse> Similar(SimilarRequest request, ServerCallContext context)
    {
        var (subject, exclude) = request.SubjectCase switch
        {
            SimilarRequest.SubjectOneofCase.ScoreId => (ScoreIdOf(request.ScoreId), ScoreIdOf(request.ScoreId)),
            SimilarRequest.SubjectOneofCase.Uploaded => ("upload:" + ContentHash(request.Uploaded.Content.Span), null),
            SimilarRequest.SubjectOneofCase.Abc => ("abc:" + ContentHash(System.Text.Encoding.UTF8.GetBytes(request.Abc)), null),
            _ => throw Invalid("Give the score to compare: a score id, an uploaded score or an ABC fragment."),
        };
        var k = pages.PageSize(request.K);
        var cursor = await pages.OpenAsync(request.PageToken, request.ModelVersion,
            PageCursor.FingerprintOf("similar", subject, request.Filter), context.CancellationToken);

        var tenants = Tenants(context);
        var vector = request.SubjectCase switch
        {
            SimilarRequest.SubjectOneofCase.ScoreId => await store.EmbeddingAsync(exclude!, cursor.ModelVersion, tenants, context.CancellationToken),
            SimilarRequest.SubjectOneofCase.Uploaded => await uploads.EmbedAsync(request.Uploaded, cursor.ModelVersion, context.CancellationToken),
            _ => await uploads.EmbedAsync(AbcFragment.ToUpload(request.Abc), cursor.ModelVersion, context.CancellationToken),
        };
        var page = await Paginator.ReadAsync(cursor, k, (offset, limit) =>
            SearchRanker.NearestAsync(store, vector, cursor.ModelVersion, tenants, request.Filter, exclude, offset, limit, context.CancellationToken));
        return new SimilarResponse { Hits = { page.Hits }, NextPageToken = page.NextPageToken, ModelVersion = cursor.ModelVersion };
    }

    public override async Task<ClassifyResponse> Classify(ClassifyRequest request, ServerCallContext context)
    {
        var o = options.Value;
        var version = await store.ResolveVersionAsync(request.ModelVersion, context.CancellationToken);
        var template = request.Template.Length > 0 ? request.Template : await ModelTemplateAsync(version, context.CancellationToken);
        var prompts = LabelPrompts.Build(request.Labels, template, o.MaxLabels);

        var score = request.ScoreCase switch
        {
            ClassifyRequest.ScoreOneofCase.ScoreId => await store.EmbeddingAsync(ScoreIdOf(request.ScoreId), version, Tenants(context), context.CancellationToken),
            ClassifyRequest.ScoreOneofCase.Uploaded => await uploads.EmbedAsync(request.Uploaded, version, context.CancellationToken),
            _ => throw Invalid("Give the score to classify: a score id or an uploaded score."),
        };
        var promptVectors = await embedder.EmbedTextsAsync(prompts, version, context.CancellationToken);
        var labels = ZeroShotClassifier.Classify(score, request.Labels, promptVectors, o.LogitScale);
        return new ClassifyResponse { Labels = { labels }, ModelVersion = version };
    }

    /// <summary>The tenants whose scores the caller reaches.</summary>
    private IReadOnlyList<string> Tenants(ServerCallContext context) => access.Readable(context.GetHttpContext().User);

    /// <summary>The model version's own prompt (its manifest's), else the configured default.</summary>
    private async Task<string> ModelTemplateAsync(string version, CancellationToken cancellationToken) =>
        (await embedder.ModelAsync(version, cancellationToken)).PromptTemplate is { Length: > 0 } own ? own : options.Value.DefaultTemplate;

    private static string ContentHash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

    private static string ScoreIdOf(string scoreId) =>
        Guid.TryParse(scoreId, out var id) ? id.ToString() : throw Invalid($"'{scoreId}' is not a score id (a UUID).");

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));
}
