using System.ComponentModel.DataAnnotations;
using Clamp.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clamp.ServiceDefaults;

/// <summary>Where the management endpoints (/metrics, /openapi) are answered. Bound from "Management" (environment: Management__Port).</summary>
public sealed class ManagementOptions
{
    public const string Section = "Management";

    /// <summary>
    /// When set, the management endpoints answer only requests that arrive on this local port (a Kestrel endpoint of
    /// its own, e.g. Kestrel__Endpoints__Management__Url=http://0.0.0.0:9090), and 404 on every other.
    /// </summary>
    [Range(1, 65535)] public int? Port { get; set; }
}

/// <summary>
/// Management endpoints: behind the management key when one is configured (<see cref="AuthPolicies.Management"/>),
/// and on the management port when one is configured (<see cref="ManagementOptions.Port"/>).
/// </summary>
public static class ManagementEndpoints
{
    /// <summary>Marks an endpoint as a management endpoint.</summary>
    public static TBuilder AsManagementEndpoint<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(ManagementEndpointMetadata.Instance).RequireAuthorization(AuthPolicies.Management);

    /// <summary>Answers 404 to a management endpoint reached on another port than <see cref="ManagementOptions.Port"/>.</summary>
    internal static void UseManagementPort(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ManagementOptions>>().Value.Port is not { } port)
            return;
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<ManagementEndpointMetadata>() is null || context.Connection.LocalPort == port)
                return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }

    private sealed class ManagementEndpointMetadata
    {
        public static readonly ManagementEndpointMetadata Instance = new();
    }
}
