using Clamp.Contracts.Grpc;
using Clamp.VectorStore.Storage;
using Grpc.Core;

namespace Clamp.VectorStore.Grpc;

/// <summary>Checks a Nearest request against the version it searches; a bad request is an InvalidArgument.</summary>
public static class NearestRequestValidator
{
    public const int DefaultK = 10;

    public static NearestQuery Validate(NearestRequest request, ModelVersionRecord version, VectorStoreOptions options)
    {
        if (request.Vector.Count != version.Dimension)
            throw Invalid($"The query vector has {request.Vector.Count} dimensions; model version '{version.ModelVersion}' has {version.Dimension}.");
        if (request.Vector.Any(v => !float.IsFinite(v)))
            throw Invalid("The query vector has a value that is not a finite number.");
        if (request.K < 0 || request.K > options.MaxK)
            throw Invalid($"k must be between 1 and {options.MaxK} (0 = {DefaultK}); it is {request.K}.");
        if (request.Offset < 0)
            throw Invalid($"offset must not be negative; it is {request.Offset}.");
        var limit = request.K == 0 ? DefaultK : request.K;
        if ((long)request.Offset + limit > options.MaxDepth)
            throw Invalid($"offset + k may reach at most {options.MaxDepth}; it is {(long)request.Offset + limit}.");
        var exclude = request.ExcludeScoreIds.Select(ParseScoreId).ToList();
        return new NearestQuery(request.Vector.ToArray(), limit, request.Offset, request.Filter, exclude, request.Exact);
    }

    public static Guid ParseScoreId(string scoreId) =>
        Guid.TryParse(scoreId, out var id) ? id : throw Invalid($"'{scoreId}' is not a score id (a UUID).");

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));
}
