using Clamp.Contracts.Grpc;
using Clamp.VectorStore.Keywords;
using Clamp.VectorStore.Storage;
using Grpc.Core;

namespace Clamp.VectorStore.Grpc;

/// <summary>Checks Nearest, Keyword and GetEmbedding requests; a bad request is an InvalidArgument.</summary>
public static class NearestRequestValidator
{
    public const int DefaultK = 10;

    public static NearestQuery Validate(NearestRequest request, ModelVersionRecord version, VectorStoreOptions options)
    {
        if (request.Vector.Count != version.Dimension)
            throw Invalid($"The query vector has {request.Vector.Count} dimensions; model version '{version.ModelVersion}' has {version.Dimension}.");
        if (request.Vector.Any(v => !float.IsFinite(v)))
            throw Invalid("The query vector has a value that is not a finite number.");
        var limit = Limit(request.K, request.Offset, options);
        var exclude = request.ExcludeScoreIds.Select(ParseScoreId).ToList();
        return new NearestQuery(TenantsOf(request.Tenants), request.Vector.ToArray(), limit, request.Offset, request.Filter, exclude, request.Exact);
    }

    /// <summary>Checks the page a request asks for; returns its size.</summary>
    public static int Limit(int k, int offset, VectorStoreOptions options)
    {
        if (k < 0 || k > options.MaxK)
            throw Invalid($"k must be between 1 and {options.MaxK} (0 = {DefaultK}); it is {k}.");
        if (offset < 0)
            throw Invalid($"offset must not be negative; it is {offset}.");
        var limit = k == 0 ? DefaultK : k;
        if ((long)offset + limit > options.MaxDepth)
            throw Invalid($"offset + k may reach at most {options.MaxDepth}; it is {(long)offset + limit}.");
        return limit;
    }

    /// <summary>Checks a Keyword request.</summary>
    public static KeywordQuery Validate(KeywordRequest request, VectorStoreOptions options)
    {
        var text = request.Query.Trim();
        if (text.Length == 0)
            throw Invalid("The keyword query is empty.");
        if (text.Length > options.MaxKeywordQueryLength)
            throw Invalid($"The keyword query is {text.Length} characters long; at most {options.MaxKeywordQueryLength} are accepted.");
        return new KeywordQuery(TenantsOf(request.Tenants), text, Limit(request.K, request.Offset, options), request.Offset, request.Filter);
    }

    /// <summary>
    /// The tenants whose scores a request may reach: required, so a caller that forgets them gets nothing rather than
    /// every tenant's scores.
    /// </summary>
    public static IReadOnlyList<string> TenantsOf(IReadOnlyCollection<string> tenants) =>
        tenants.Count > 0 && tenants.All(t => t.Length > 0)
            ? tenants.Distinct().ToList()
            : throw Invalid("Name the tenants whose scores may be returned (tenants): the caller's own and the shared ones.");

    public static Guid ParseScoreId(string scoreId) =>
        Guid.TryParse(scoreId, out var id) ? id : throw Invalid($"'{scoreId}' is not a score id (a UUID).");

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));
}
