using System.Net;
using Grpc.Core;

namespace Clamp.Client;

/// <summary>
/// A call to the platform failed: <see cref="Failure"/> says how, <see cref="Reason"/> is the server's reason (for the
/// ingest API its problem document's <c>code: detail</c>, e.g. <c>abc.too-complex: …</c>; for the query service the
/// status detail). <see cref="GrpcStatus"/> or <see cref="HttpStatus"/> is the status the server answered with.
/// </summary>
public sealed class ClampException(ClampFailure failure, string message, string reason, Exception? inner = null)
    : Exception(message, inner)
{
    public ClampFailure Failure { get; } = failure;

    public string Reason { get; } = reason;

    public StatusCode? GrpcStatus { get; init; }

    public HttpStatusCode? HttpStatus { get; init; }

    internal static ClampException From(RpcException e) => new(
        e.StatusCode switch
        {
            StatusCode.Unavailable => ClampFailure.Unreachable,
            StatusCode.Unauthenticated or StatusCode.PermissionDenied => ClampFailure.Unauthenticated,
            StatusCode.DeadlineExceeded => ClampFailure.DeadlineExceeded,
            _ => ClampFailure.Refused,
        },
        $"{e.StatusCode}: {e.Status.Detail}", e.Status.Detail, e)
    {
        GrpcStatus = e.StatusCode,
    };
}
