using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Clamp.ServiceDefaults.Auth;

public static class AuthenticationExtensions
{
    /// <summary>
    /// The API-key scheme (<see cref="ApiKeyAuthenticationHandler"/>) as every service's default, the policies of
    /// <see cref="AuthPolicies"/>, the limit of failed authentications, and <see cref="TenantAccess"/>. What a service requires of the "Auth"
    /// section it says with <see cref="RequireApiKeys"/> and <see cref="RequireServiceKey"/>.
    /// </summary>
    internal static IHostApplicationBuilder AddKeyAuthentication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<IValidateOptions<AuthOptions>, DefaultSecretsValidator>();
        services.AddSingleton<KeyRing>();
        services.AddSingleton<FailedAuthenticationLimiter>();
        services.AddSingleton<TenantAccess>();
        services.AddSingleton<IAuthorizationHandler, ManagementAccessHandler>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        AuthPolicies.Add(services.AddAuthorizationBuilder());
        return builder;
    }

    /// <summary>The service answers API keys (a public API): it does not start without one.</summary>
    public static IHostApplicationBuilder RequireApiKeys(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().Validate(o => o.ApiKeys.Count > 0,
            "Auth:ApiKeys must hold at least one key (environment: Auth__ApiKeys__0__Key, Auth__ApiKeys__0__Tenant).");
        return builder;
    }

    /// <summary>
    /// The service is an internal gRPC service, or calls one: it does not start without the service key, so no
    /// internal API is ever open to whoever reaches it.
    /// </summary>
    public static IHostApplicationBuilder RequireServiceKey(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().Validate(o => !string.IsNullOrWhiteSpace(o.ServiceKey),
            "Auth:ServiceKey is required: the internal gRPC services (embedding, vector store) answer only callers holding it " +
            "(environment: Auth__ServiceKey).");
        return builder;
    }
}
