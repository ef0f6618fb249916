using Microsoft.Extensions.Logging;
using Npgsql;

namespace Clamp.ServiceDefaults;

/// <summary>
/// Start-up work against PostgreSQL (schema migrations) that waits for the database when the service starts
/// before it, or while it restarts, instead of crashing the service.
/// </summary>
public static partial class PostgresStartup
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="work"/>, retrying on transient PostgreSQL errors for up to <paramref name="wait"/> (a minute by default).</summary>
    public static async Task RunWhenReachableAsync(
        Func<CancellationToken, Task> work, ILogger logger, CancellationToken cancellationToken, TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? DefaultWait);
        while (true)
        {
            try
            {
                await work(cancellationToken);
                return;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && DateTime.UtcNow < deadline)
            {
                LogWaiting(logger, ex.Message);
                await Task.Delay(RetryInterval, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL is not reachable yet ({Reason}); retrying")]
    private static partial void LogWaiting(ILogger logger, string reason);
}
