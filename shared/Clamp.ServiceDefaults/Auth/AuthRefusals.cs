using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Clamp.ServiceDefaults.Auth;

/// <summary>
/// How a refused request is answered, in its own protocol: a gRPC call gets a gRPC status (UNAUTHENTICATED,
/// PERMISSION_DENIED, RESOURCE_EXHAUSTED) with a message, an HTTP request the status code (401, 403, 429) with a
/// problem document.
/// </summary>
internal static class AuthRefusals
{
    public static Task UnauthenticatedAsync(HttpContext context, string message)
    {
        context.Response.Headers.WWWAuthenticate = $"{ApiKeyAuthenticationHandler.SchemeName} header=\"{ApiKeyAuthenticationHandler.HeaderName}\", Bearer";
        return WriteAsync(context, StatusCodes.Status401Unauthorized, StatusCode.Unauthenticated, "Unauthenticated", message);
    }

    public static Task ForbiddenAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, StatusCode.PermissionDenied, "Forbidden", "This key may not call this operation.");

    public static Task TooManyFailuresAsync(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return WriteAsync(context, StatusCodes.Status429TooManyRequests, StatusCode.ResourceExhausted, "Too many failed authentications",
            $"Too many failed authentications from this address; retry in at most {seconds} s.");
    }

    private static Task WriteAsync(HttpContext context, int httpStatus, StatusCode grpcStatus, string title, string message)
    {
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            // A trailers-only gRPC response: the status travels in the headers of an HTTP 200 without a body.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = ((int)grpcStatus).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            return Task.CompletedTask;
        }

        return Results.Problem(statusCode: httpStatus, title: title, detail: message).ExecuteAsync(context);
    }
}
