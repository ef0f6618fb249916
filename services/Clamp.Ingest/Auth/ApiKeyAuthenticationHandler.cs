using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Clamp.Ingest.Auth;

/// <summary>
/// Authenticates a request by its API key: header <c>X-Api-Key: KEY</c> or <c>Authorization: Bearer KEY</c>,
/// compared in constant time with the keys of <see cref="IngestOptions.ApiKeys"/>. The caller's name is a
/// fingerprint of the key (never the key), used to partition the rate limit and in logs.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<IngestOptions> ingest) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey() is not { Length: > 0 } key)
            return Task.FromResult(AuthenticateResult.NoResult());

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var known = ingest.CurrentValue.ApiKeys
            .Any(k => CryptographicOperations.FixedTimeEquals(presented, SHA256.HashData(Encoding.UTF8.GetBytes(k))));
        if (!known)
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, Fingerprint(presented))], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\", Bearer";
        return Task.CompletedTask;
    }

    private string? PresentedKey()
    {
        if (Request.Headers.TryGetValue(HeaderName, out var header))
            return header.ToString().Trim();
        var authorization = Request.Headers.Authorization.ToString();
        return authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? authorization[BearerPrefix.Length..].Trim() : null;
    }

    private static string Fingerprint(byte[] keyHash) => "key-" + Convert.ToHexStringLower(keyHash.AsSpan(0, 6));
}
