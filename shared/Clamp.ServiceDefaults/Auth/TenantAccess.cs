using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Clamp.ServiceDefaults.Auth;

/// <summary>
/// Which scores an authenticated API key reaches (docs/security.md, "Tenancy"): it owns those of its tenant (it
/// uploads, reads and deletes them) and reads those of the shared tenants (<see cref="AuthOptions.SharedTenants"/>) too.
/// </summary>
public sealed class TenantAccess(IOptionsMonitor<AuthOptions> options)
{
    /// <summary>The tenant of the caller's API key.</summary>
    /// <exception cref="InvalidOperationException">The caller holds no API key (endpoints require <see cref="AuthPolicies.ApiCaller"/>).</exception>
    public static string Owner(ClaimsPrincipal user) =>
        user.FindFirstValue(ClampClaims.Tenant) ?? throw new InvalidOperationException("The caller has no tenant: the endpoint must require an API key.");

    /// <summary>The tenants whose scores the caller reads: its own, then the shared ones.</summary>
    public IReadOnlyList<string> Readable(ClaimsPrincipal user)
    {
        var owner = Owner(user);
        return [owner, .. options.CurrentValue.SharedTenants.Where(t => t != owner).Distinct()];
    }
}
