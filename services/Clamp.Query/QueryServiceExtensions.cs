using Clamp.Contracts.Grpc;
using Clamp.Music;
using Clamp.Query.Search;
using Clamp.Query.Uploads;
using Clamp.Query.Grpc;
using Clamp.Query.Paging;
using Clamp.Query.Upstream;
using Clamp.ServiceDefaults;
using Clamp.ServiceDefaults.Auth;
using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.Options;
using VectorStoreClient = Clamp.Contracts.Grpc.VectorStore.VectorStoreClient;

namespace Clamp.Query;

public static class QueryServiceExtensions
{
    /// <summary>
    /// The public gRPC API (API keys, with the service defaults' gRPC health service and reflection) and its backend
    /// clients, which present the service key.
    /// </summary>
    public static IHostApplicationBuilder AddQueryServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.RequireApiKeys();
        builder.RequireServiceKey();
        builder.Services.AddOptions<QueryOptions>()
            .BindConfiguration(QueryOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddGrpc();
        builder.Services.AddBackend<Embedder.EmbedderClient>(o => o.EmbedderAddress);
        builder.Services.AddBackend<VectorStoreClient>(o => o.VectorStoreAddress);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new ScoreImporter());
        builder.Services.AddSingleton<TextEmbeddingCache>();
        builder.Services.AddSingleton<QueryEmbedder>();
        builder.Services.AddSingleton<VectorStoreGateway>();
        builder.Services.AddTransient<Paginator>();
        builder.Services.AddTransient<UploadedScoreEmbedder>();
        builder.Services.AddTransient<SearchRanker>();
        return builder;
    }

    public static WebApplication MapQueryEndpoints(this WebApplication app)
    {
        app.MapGrpcService<ScoreSearchService>().RequireAuthorization(AuthPolicies.ApiCaller);
        app.MapDefaultEndpoints();
        return app;
    }

    /// <summary>
    /// A gRPC client of a backend: every call presents the service key, the caller's deadline and cancellation
    /// propagate, and calls that fail as Unavailable are retried by gRPC itself (3 attempts, exponential backoff; every
    /// backend call is a read).
    /// The generic HTTP resilience handler is taken off: it would retry and time out beneath gRPC's own policy.
    /// </summary>
    private static void AddBackend<TClient>(this IServiceCollection services, Func<QueryOptions, Uri> address)
        where TClient : ClientBase
    {
        var client = services.AddGrpcClient<TClient>((provider, grpc) =>
                grpc.Address = address(provider.GetRequiredService<IOptions<QueryOptions>>().Value))
            .AddInterceptor(KeyMetadataInterceptor.ServiceKey)
            .EnableCallContextPropagation(o => o.SuppressContextNotFoundErrors = true)
            .ConfigureChannel(channel => channel.ServiceConfig = new ServiceConfig
            {
                MethodConfigs =
                {
                    new MethodConfig
                    {
                        Names = { MethodName.Default },
                        RetryPolicy = new RetryPolicy
                        {
                            MaxAttempts = 3,
                            InitialBackoff = TimeSpan.FromMilliseconds(100),
                            MaxBackoff = TimeSpan.FromSeconds(1),
                            BackoffMultiplier = 2,
                            RetryableStatusCodes = { StatusCode.Unavailable },
                        },
                    },
                },
            });
#pragma warning disable EXTEXP0001 // Experimental in Microsoft.Extensions.Http.Resilience, but the documented way to opt a client out.
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
    }
}
