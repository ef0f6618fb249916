using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Clamp.Ingest.Api;

/// <summary>
/// While PostgreSQL is away (restarting, failing over) requests are answered 503 with Retry-After, not 500:
/// nothing was stored, and the same request may simply be sent again (deduplication makes that safe).
/// </summary>
internal sealed partial class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsOutage(exception))
            return false;
        LogUnavailable(exception);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The score store is unavailable",
                Detail = "Nothing was stored. Send the request again in a few seconds.",
            },
        });
    }

    private static bool IsOutage(Exception exception) =>
        exception switch
        {
            NpgsqlException { IsTransient: true } => true,
            SocketException or TimeoutException => true,
            { InnerException: { } inner } => IsOutage(inner),
            _ => false,
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL is unavailable; answering 503")]
    private partial void LogUnavailable(Exception exception);
}
