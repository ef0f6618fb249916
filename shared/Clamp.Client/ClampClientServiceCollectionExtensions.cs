using Clamp.Contracts.Grpc;
using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clamp.Client;

/// <summary>
/// <c>services.AddClampClient(...)</c>: registers <see cref="ClampSearchClient"/> (gRPC, through Grpc.Net.ClientFactory)
/// and <see cref="ClampIngestClient"/> (a typed HttpClient), both configured from <see cref="ClampClientOptions"/>.
/// </summary>
public static class ClampClientServiceCollectionExtensions
{
    /// <summary>Registers the clients with options bound from a configuration section (e.g. <c>configuration.GetSection("Clamp")</c>).</summary>
    public static IServiceCollection AddClampClient(this IServiceCollection services, IConfiguration section) =>
        services.AddClampClient(options => section.Bind(options));

    /// <summary>Registers the clients with options set in code.</summary>
    public static IServiceCollection AddClampClient(this IServiceCollection services, Action<ClampClientOptions> configure)
    {
        services.AddOptions<ClampClientOptions>()
            .Configure(configure)
            .Validate(options => !options.Problems().Any(), "invalid ClampClientOptions (IngestUrl and QueryAddress must be http(s) addresses, Timeout positive, RetryCount 0 to 10)");

        services.AddGrpcClient<ScoreSearch.ScoreSearchClient>((provider, grpc) => grpc.Address = Options(provider).QueryAddress)
            .ConfigureChannel((provider, channel) =>
            {
                var retries = Options(provider).RetryCount;
                channel.ServiceConfig = RetryUnavailable(retries);
                channel.MaxRetryAttempts = Math.Max(retries + 1, 2);
                // The key travels as call credentials on plain http too (a local or in-cluster platform).
                channel.UnsafeUseInsecureChannelCallCredentials = true;
            })
            .AddCallCredentials((_, metadata, provider) =>
            {
                if (Options(provider).ApiKey is { Length: > 0 } key)
                    metadata.Add("x-api-key", key);
                return Task.CompletedTask;
            });
        services.AddTransient<ClampSearchClient>();

        services.AddHttpClient<ClampIngestClient>((provider, http) =>
        {
            var options = Options(provider);
            http.BaseAddress = options.IngestUrl;
            http.Timeout = options.Timeout;
            if (options.ApiKey is { Length: > 0 } key)
                http.DefaultRequestHeaders.Add("X-Api-Key", key);
        });
        return services;
    }

    private static ClampClientOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<ClampClientOptions>>().Value;

    /// <summary>gRPC's own retry policy: a call answered UNAVAILABLE is tried again, with backoff, up to retries + 1 attempts in all.</summary>
    private static ServiceConfig? RetryUnavailable(int retries) => retries == 0
        ? null
        : new ServiceConfig
        {
            MethodConfigs =
            {
                new MethodConfig
                {
                    Names = { MethodName.Default },
                    RetryPolicy = new RetryPolicy
                    {
                        MaxAttempts = retries + 1,
                        InitialBackoff = TimeSpan.FromMilliseconds(200),
                        MaxBackoff = TimeSpan.FromSeconds(2),
                        BackoffMultiplier = 2,
                        RetryableStatusCodes = { StatusCode.Unavailable },
                    },
                },
            },
        };
}
