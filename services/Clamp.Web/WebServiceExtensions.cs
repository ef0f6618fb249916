using Clamp.Contracts.Grpc;
using Clamp.Music;
using Clamp.Web.Api;
using Clamp.Web.Audio;
using Clamp.Web.Notation;
using Clamp.Web.Upstream;
using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.Options;

namespace Clamp.Web;

public static class WebServiceExtensions
{
    /// <summary>The page's API and its upstream clients: the ingest HTTP API and the query service's gRPC ScoreSearch,
    /// both called with the API key of the person using the page.</summary>
    public static IHostApplicationBuilder AddWebServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddProblemDetails();
        services.AddExceptionHandler<UpstreamErrorHandler>();

        services.AddTransient<ApiKeyForwardingHandler>();
        services.AddHttpClient<IngestClient>((provider, http) =>
                http.BaseAddress = provider.GetRequiredService<IOptions<WebOptions>>().Value.IngestAddress)
            .AddHttpMessageHandler<ApiKeyForwardingHandler>();

        services.AddSingleton<ApiKeyForwardingInterceptor>();
        services.AddSingleton<QueryCalls>();
        var query = services.AddGrpcClient<ScoreSearch.ScoreSearchClient>((provider, grpc) =>
                grpc.Address = provider.GetRequiredService<IOptions<WebOptions>>().Value.QueryAddress)
            .AddInterceptor<ApiKeyForwardingInterceptor>()
            .ConfigureChannel(channel => channel.ServiceConfig = new ServiceConfig
            {
                // Every call the page makes is a read: retried by gRPC itself while the query service is unavailable.
                MethodConfigs =
                {
                    new MethodConfig
                    {
                        Names = { MethodName.Default },
                        RetryPolicy = new RetryPolicy
                        {
                            MaxAttempts = 3, InitialBackoff = TimeSpan.FromMilliseconds(100), MaxBackoff = TimeSpan.FromSeconds(1),
                            BackoffMultiplier = 2, RetryableStatusCodes = { StatusCode.Unavailable },
                        },
                    },
                },
            });
#pragma warning disable EXTEXP0001 // gRPC's own retry policy and deadline apply; the generic HTTP resilience handler would stack on them.
        query.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        services.AddSingleton(new ScoreImporter());
        services.AddSingleton<NotationReader>();
        services.AddSingleton<NoteSamples>();
        return builder;
    }

    /// <summary>The page (wwwroot, index.html at /), its JSON API under /api and the player's note samples.</summary>
    public static WebApplication MapWebEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseSecurityHeaders();
        app.UseDefaultFiles();
        app.UseStaticFiles();

        var api = app.MapGroup("/api");
        api.MapSearchEndpoints();
        api.MapScoreEndpoints();
        app.MapSoundEndpoints();
        return app;
    }
}
