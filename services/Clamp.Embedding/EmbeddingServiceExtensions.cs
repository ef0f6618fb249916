using Clamp.Embedding.Diagnostics;
using Clamp.Embedding.Grpc;
using Clamp.Embedding.Messaging;
using Clamp.Embedding.Models;
using Clamp.Inference.Onnx;
using Clamp.Inference.Text;
using Clamp.ServiceDefaults;
using Clamp.ServiceDefaults.Auth;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Clamp.Embedding;

public static class EmbeddingServiceExtensions
{
    /// <summary>The embedding service: <see cref="AddEmbeddingModels"/> plus the message bus with its consumers.</summary>
    public static IHostApplicationBuilder AddEmbeddingServices(this IHostApplicationBuilder builder)
    {
        builder.AddEmbeddingModels();
        builder.AddMessageBus(AddEmbeddingConsumers);
        return builder;
    }

    /// <summary>
    /// Options, the ONNX session factory (execution provider chosen once, here), the shared all-MiniLM-L6-v2 encoder,
    /// the model registry and its reloader, metrics, the readiness check and gRPC (which needs the service key).
    /// </summary>
    public static IHostApplicationBuilder AddEmbeddingModels(this IHostApplicationBuilder builder)
    {
        builder.RequireServiceKey();
        var services = builder.Services;
        services.AddOptions<EmbeddingOptions>()
            .BindConfiguration(EmbeddingOptions.Section)
            .PostConfigure<IHostEnvironment>((options, environment) =>
                options.ModelsPath = Path.GetFullPath(options.ModelsPath, environment.ContentRootPath))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(sp => new OnnxSessionFactory(sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value.ToInferenceOptions()));
        services.AddSingleton(sp =>
        {
            using var sessionOptions = sp.GetRequiredService<OnnxSessionFactory>().CreateSessionOptions();
            return new MiniLmSentenceEncoder(MiniLmResources.Default, sessionOptions);
        });
        services.AddSingleton<ModelRegistry>();
        services.AddSingleton<EmbeddingMetrics>();
        services.AddSingleton<ModelLoader>();
        services.AddSingleton<ModelReloader>();
        services.AddHostedService<ExecutionProviderReport>();
        services.AddHostedService(sp => sp.GetRequiredService<ModelReloader>());

        services.AddHealthChecks().AddCheck<ModelReadinessCheck>(ModelReadinessCheck.Name);
        services.AddGrpc(grpc => grpc.Interceptors.Add<QueueFullInterceptor>());
        return builder;
    }

    /// <summary>The internal Embedder gRPC API (for callers holding the service key) and the service defaults' endpoints.</summary>
    public static WebApplication MapEmbeddingEndpoints(this WebApplication app)
    {
        app.MapGrpcService<EmbedderService>().RequireAuthorization(AuthPolicies.Service);
        app.MapDefaultEndpoints();
        return app;
    }

    /// <summary>The "score patched" batch consumer (with its definition) and the "model published" consumer.</summary>
    public static void AddEmbeddingConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ScorePatchedConsumer, ScorePatchedConsumerDefinition>();
        bus.AddConsumer<ModelPublishedConsumer>();
    }
}
