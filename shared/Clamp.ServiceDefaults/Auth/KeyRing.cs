using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Clamp.ServiceDefaults.Auth;

/// <summary>
/// The keys a service knows (<see cref="AuthOptions"/>), kept as SHA-256 hashes, and the identity each gives: an API
/// key its tenant (and the admin role), the service key the service role, the management key the management role.
/// A presented key is compared in constant time with every known key, so the time taken tells nothing about it.
/// </summary>
public sealed class KeyRing : IDisposable
{
    private readonly IDisposable? subscription;
    private volatile Entry[] entries;

    public KeyRing(IOptionsMonitor<AuthOptions> options)
    {
        entries = Build(options.CurrentValue);
        subscription = options.OnChange(changed => entries = Build(changed));
    }

    /// <summary>The identity of a presented key, or null when no known key matches it.</summary>
    public ClaimsPrincipal? Identify(string presentedKey)
    {
        var presented = Hash(presentedKey);
        Entry? match = null;
        foreach (var entry in entries)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, entry.Hash))
                match = entry;
        }

        return match is null ? null : new ClaimsPrincipal(new ClaimsIdentity(match.Claims, ApiKeyAuthenticationHandler.SchemeName));
    }

    public void Dispose() => subscription?.Dispose();

    private static Entry[] Build(AuthOptions options)
    {
        var built = new List<Entry>();
        foreach (var apiKey in options.ApiKeys.Where(k => k.Key.Length > 0))
        {
            var hash = Hash(apiKey.Key);
            List<Claim> claims = [new(ClaimTypes.Name, Fingerprint(hash)), new(ClampClaims.Tenant, apiKey.Tenant)];
            if (apiKey.Admin) claims.Add(new Claim(ClaimTypes.Role, ClampClaims.AdminRole));
            built.Add(new Entry(hash, claims));
        }

        if (options.ServiceKey is { Length: > 0 } serviceKey)
            built.Add(new Entry(Hash(serviceKey), [new(ClaimTypes.Name, "service"), new(ClaimTypes.Role, ClampClaims.ServiceRole)]));
        if (options.ManagementKey is { Length: > 0 } managementKey)
            built.Add(new Entry(Hash(managementKey), [new(ClaimTypes.Name, "management"), new(ClaimTypes.Role, ClampClaims.ManagementRole)]));
        return built.ToArray();
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>A name for logs and rate limits that does not give the key away.</summary>
    private static string Fingerprint(byte[] keyHash) => "key-" + Convert.ToHexStringLower(keyHash.AsSpan(0, 6));

    private sealed record Entry(byte[] Hash, IReadOnlyList<Claim> Claims);
}
