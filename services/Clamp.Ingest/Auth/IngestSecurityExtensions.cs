using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Clamp.Ingest.Auth;

/// <summary>API-key authentication on every API route and a token-bucket rate limit per key.</summary>
internal static class IngestSecurityExtensions
{
    public const string ApiPolicy = "ingest-api";

    public static IServiceCollection AddIngestSecurity(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(ApiPolicy, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptionsMonitor<IngestOptions>>().CurrentValue;
                return RateLimitPartition.GetTokenBucketLimiter(context.User.Identity?.Name ?? "anonymous", _ => TokenBucket(settings));
            });
        });
        return services;
    }

    /// <summary>A bucket of <see cref="IngestOptions.RequestBurst"/> tokens refilled at
    /// <see cref="IngestOptions.RequestsPerMinute"/>: every second, or for slow rates one token at a time.</summary>
    private static TokenBucketRateLimiterOptions TokenBucket(IngestOptions settings)
    {
        var perSecond = settings.RequestsPerMinute >= 60;
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.RequestBurst,
            TokensPerPeriod = perSecond ? (int)Math.Ceiling(settings.RequestsPerMinute / 60.0) : 1,
            ReplenishmentPeriod = perSecond ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(1) / settings.RequestsPerMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}
