using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Clamp.ServiceDefaults.Auth;

/// <summary>What operators may see: /metrics, /openapi and the detail of /health.</summary>
public static class ManagementAccess
{
    /// <summary>An operator: the holder of the management key or of an admin API key.</summary>
    public static bool IsOperator(ClaimsPrincipal user) =>
        user.IsInRole(ClampClaims.ManagementRole) || user.IsInRole(ClampClaims.AdminRole);
}

/// <summary>Met by anyone while no management key is configured, and by an operator once one is.</summary>
internal sealed class ManagementAccessRequirement : IAuthorizationRequirement;

internal sealed class ManagementAccessHandler(IOptionsMonitor<AuthOptions> options) : AuthorizationHandler<ManagementAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ManagementAccessRequirement requirement)
    {
        if (string.IsNullOrEmpty(options.CurrentValue.ManagementKey) || ManagementAccess.IsOperator(context.User))
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
