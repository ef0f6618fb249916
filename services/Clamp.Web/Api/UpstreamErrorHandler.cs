using Grpc.Core;
using Microsoft.AspNetCore.Diagnostics;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Clamp.Web.Api;

/// <summary>
/// A refusal or an outage of a platform service, told to the page as a problem with the upstream's own words:
/// a gRPC status of the query service becomes the matching HTTP status (InvalidArgument 400, Unauthenticated 401,
/// PermissionDenied 403, NotFound 404, ResourceExhausted 429, Unavailable 503, DeadlineExceeded 504), and an ingest
/// API that cannot be reached 503. Anything else is left to the default handler (500, no detail).
/// </summary>
internal sealed partial class UpstreamErrorHandler(IProblemDetailsService problems, ILogger<UpstreamErrorHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, title, detail) = exception switch
        {
            RpcException rpc when StatusOf(rpc.StatusCode) >= 500 => (StatusOf(rpc.StatusCode), $"query.{Kebab(rpc.StatusCode)}",
                "The query service is unavailable", "It did not answer in time. Try again in a few seconds."),
            RpcException rpc => (StatusOf(rpc.StatusCode), $"query.{Kebab(rpc.StatusCode)}", "The query service refused the request", rpc.Status.Detail),
            HttpRequestException or BrokenCircuitException or TimeoutRejectedException =>
                (StatusCodes.Status503ServiceUnavailable, "ingest.unavailable", "The ingest service is unavailable", "Try again in a few seconds."),
            _ => (0, "", "", ""),
        };
        if (status == 0)
            return false;
        LogUpstreamError(code, exception.Message);
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail, Extensions = { ["code"] = code } },
        });
    }

    private static int StatusOf(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument or StatusCode.OutOfRange or StatusCode.FailedPrecondition => StatusCodes.Status400BadRequest,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unavailable or StatusCode.Cancelled => StatusCodes.Status503ServiceUnavailable,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status502BadGateway,
    };

    private static string Kebab(StatusCode code) => KebabBoundary().Replace(code.ToString(), "$1-$2").ToLowerInvariant();

    [System.Text.RegularExpressions.GeneratedRegex("([a-z])([A-Z])")]
    private static partial System.Text.RegularExpressions.Regex KebabBoundary();

    [LoggerMessage(Level = LogLevel.Warning, Message = "An upstream call failed ({Code}): {Reason}")]
    private partial void LogUpstreamError(string code, string reason);
}
