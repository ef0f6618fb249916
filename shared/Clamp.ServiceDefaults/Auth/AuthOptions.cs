using System.ComponentModel.DataAnnotations;
using Clamp.Contracts.Messages;

namespace Clamp.ServiceDefaults.Auth;

/// <summary>
/// Who may call a service, bound from the "Auth" section (environment: <c>Auth__ApiKeys__0__Key</c>,
/// <c>Auth__ApiKeys__0__Tenant</c>, <c>Auth__ServiceKey</c> …). Every key is presented the same way: header (gRPC
/// metadata) <c>x-api-key: KEY</c> or <c>authorization: Bearer KEY</c>. docs/security.md describes each.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The keys of the public APIs (the ingest HTTP API, the query service's gRPC API), each of one tenant.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>
    /// Tenants whose scores every API key reads (get, list, search, similar, classify), as well as its own: a shared
    /// collection. Only the tenant's own keys delete them.
    /// </summary>
    public List<string> SharedTenants { get; set; } = [];

    /// <summary>The key of the internal gRPC services (embedding, vector store), which their callers present.</summary>
    public string? ServiceKey { get; set; }

    /// <summary>
    /// The key of operators: when set, /metrics and /openapi need it (or an admin API key); its holders (and admin
    /// keys) see the detail of /health, which anonymous callers see as statuses only.
    /// </summary>
    public string? ManagementKey { get; set; }

    /// <summary>How many failed authentications one client address may make per window before it is refused.</summary>
    public FailedAttemptsOptions FailedAttempts { get; set; } = new();
}

/// <summary>One API key of the public APIs: whose scores it reaches and whether it may run admin operations.</summary>
public sealed class ApiKeyOptions
{
    public string Key { get; set; } = "";

    /// <summary>The tenant whose scores the key uploads and sees; <see cref="Tenants.Default"/> when not given.</summary>
    public string Tenant { get; set; } = Tenants.Default;

    /// <summary>Admin keys may also start and follow re-indexing jobs, and see the detail of /health.</summary>
    public bool Admin { get; set; }
}

/// <summary>
/// The limit of failed authentications per client address (an IPv6 client by its /64): past <see cref="Limit"/>
/// failures within <see cref="Window"/>, every request of the client that presents a key is refused (429,
/// gRPC RESOURCE_EXHAUSTED) until the window ends, whatever the key.
/// </summary>
public sealed class FailedAttemptsOptions
{
    [Range(1, 1_000_000)] public int Limit { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
