using System.Threading.RateLimiting;
using Clamp.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;

namespace Clamp.Ingest.Auth;

/// <summary>
/// The ingest API's security: API keys (the service defaults' key authentication, <see cref="AuthOptions"/>) on every
/// route, admin keys on re-indexing, and a token-bucket rate limit per key.
/// </summary>
internal static class IngestSecurityExtensions
{
    public const string RatePolicy = "ingest-api";

    public static IHostApplicationBuilder AddIngestSecurity(this IHostApplicationBuilder builder)
    {
        builder.RequireApiKeys();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RatePolicy, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptionsMonitor<IngestOptions>>().CurrentValue;
                return RateLimitPartition.GetTokenBucketLimiter(context.User.Identity?.Name ?? "anonymous", _ => TokenBucket(settings));
            });
        });
        return builder;
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
