using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Clamp.ServiceDefaults.Auth;

/// <summary>
/// Counts failed authentications per client address (<see cref="FailedAttemptsOptions"/>): a fixed window of
/// <c>Limit</c> failures per client; once it is spent, the client is refused until the window ends. Clients that stay
/// within their limit are forgotten after a few seconds of idleness, so memory follows the clients that fail now.
/// </summary>
public sealed class FailedAuthenticationLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> failures;

    public FailedAuthenticationLimiter(IOptions<AuthOptions> options)
    {
        var settings = options.Value.FailedAttempts;
        Window = settings.Window;
        failures = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.Limit, Window = settings.Window, QueueLimit = 0, AutoReplenishment = true }));
    }

    /// <summary>The longest a refused client waits.</summary>
    public TimeSpan Window { get; }

    /// <summary>Whether the client has spent its failures of the current window.</summary>
    public bool IsRefused(string client) => failures.GetStatistics(client)?.CurrentAvailablePermits <= 0;

    /// <summary>Counts one failure; true when it was the client's last before refusal.</summary>
    public bool RecordFailure(string client)
    {
        using var lease = failures.AttemptAcquire(client);
        return IsRefused(client);
    }

    /// <summary>The client a request comes from: its address, an IPv6 one by its /64 (one subscriber's network).</summary>
    public static string ClientOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address)) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public void Dispose() => failures.Dispose();
}
