using Microsoft.AspNetCore.Authorization;

namespace Clamp.ServiceDefaults.Auth;

/// <summary>The authorization policies endpoints require, all over the API-key scheme (<see cref="ApiKeyAuthenticationHandler"/>).</summary>
public static class AuthPolicies
{
    /// <summary>A caller with an API key (a tenant): the public APIs.</summary>
    public const string ApiCaller = "api-caller";

    /// <summary>A caller with an admin API key: re-indexing.</summary>
    public const string Admin = "admin";

    /// <summary>A caller with the service key: the internal gRPC services.</summary>
    public const string Service = "service";

    /// <summary>
    /// /metrics and /openapi: anyone when no management key is configured; otherwise the management key or an admin key.
    /// </summary>
    public const string Management = "management";

    internal static void Add(AuthorizationBuilder authorization) => authorization
        .AddPolicy(ApiCaller, policy => Authenticated(policy).RequireClaim(ClampClaims.Tenant))
        .AddPolicy(Admin, policy => Authenticated(policy).RequireClaim(ClampClaims.Tenant).RequireRole(ClampClaims.AdminRole))
        .AddPolicy(Service, policy => Authenticated(policy).RequireRole(ClampClaims.ServiceRole))
        .AddPolicy(Management, policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .AddRequirements(new ManagementAccessRequirement()));

    private static AuthorizationPolicyBuilder Authenticated(AuthorizationPolicyBuilder policy) =>
        policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser();
}
