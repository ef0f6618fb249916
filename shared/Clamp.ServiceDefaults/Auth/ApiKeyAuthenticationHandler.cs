using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clamp.ServiceDefaults.Auth;

/// <summary>
/// Authenticates a request (HTTP or gRPC) by the key it presents: header or metadata <c>x-api-key: KEY</c>, or
/// <c>authorization: Bearer KEY</c>, looked up in the <see cref="KeyRing"/>. A key that matches nothing is a failed
/// authentication, counted per client by the <see cref="FailedAuthenticationLimiter"/>; a client past its limit is
/// refused before its key is even looked at.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    KeyRing keys,
    FailedAuthenticationLimiter failures) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey() is not { Length: > 0 } key)
            return Task.FromResult(AuthenticateResult.NoResult());

        var client = FailedAuthenticationLimiter.ClientOf(Context);
        if (failures.IsRefused(client))
            return Task.FromResult(AuthenticateResult.Fail(new TooManyFailedAuthenticationsException()));
        if (keys.Identify(key) is not { } principal)
        {
            if (failures.RecordFailure(client))
                LogRefused(Logger, client, failures.Window);
            return Task.FromResult(AuthenticateResult.Fail("The key is not valid."));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (result.Failure is TooManyFailedAuthenticationsException)
            await AuthRefusals.TooManyFailuresAsync(Context, failures.Window);
        else
            await AuthRefusals.UnauthenticatedAsync(Context, result.Failure is null
                ? $"A key is required: header {HeaderName} or authorization: Bearer."
                : "The key is not valid.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AuthRefusals.ForbiddenAsync(Context);

    private string? PresentedKey()
    {
        if (Request.Headers.TryGetValue(HeaderName, out var header))
            return header.ToString().Trim();
        var authorization = Request.Headers.Authorization.ToString();
        return authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? authorization[BearerPrefix.Length..].Trim() : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Client {Client} reached its limit of failed authentications: refused for up to {Window}")]
    private static partial void LogRefused(ILogger logger, string client, TimeSpan window);

    private sealed class TooManyFailedAuthenticationsException() : Exception("Too many failed authentications from this client.");
}
