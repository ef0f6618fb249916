using MassTransit;
using Clamp.ServiceDefaults;
using Clamp.ServiceDefaults.Auth;
using Clamp.VectorStore.Consumers;
using Clamp.VectorStore.Grpc;
using Clamp.VectorStore.Keywords;
using Clamp.VectorStore.Storage;
using Clamp.VectorStore.Versions;

namespace Clamp.VectorStore;

public static class VectorStoreServiceExtensions
{
    /// <summary>PostgreSQL/pgvector storage, the consumers of the indexing pipeline and the internal gRPC API (service key only).</summary>
    public static IHostApplicationBuilder AddVectorStoreServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.RequireServiceKey();
        builder.AddPostgres();
        builder.Services.AddOptions<VectorStoreOptions>()
            .BindConfiguration(VectorStoreOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<SchemaInitializer>();
        builder.Services.AddSingleton<VersionTableDdl>();
        builder.Services.AddSingleton<ModelVersionRepository>();
        builder.Services.AddSingleton<ModelVersionCatalog>();
        builder.Services.AddSingleton<VersionPromoter>();
        builder.Services.AddSingleton<EmbeddingWriter>();
        builder.Services.AddSingleton<EmbeddingReader>();
        builder.Services.AddSingleton<NearestSearch>();
        builder.Services.AddSingleton<ScoreDocumentWriter>();
        builder.Services.AddSingleton<KeywordSearch>();

        builder.AddMessageBus(bus =>
        {
            bus.AddConsumer<ScoreEmbeddedConsumer, ScoreEmbeddedConsumerDefinition>();
            bus.AddConsumer<ScoreDeletedConsumer, ScoreDeletedConsumerDefinition>();
            bus.AddConsumer<ModelPublishedConsumer, ModelPublishedConsumerDefinition>();
            bus.AddConsumer<ReindexProgressConsumer, ReindexProgressConsumerDefinition>();
            bus.AddConsumer<ScoreFailedConsumer, ScoreFailedConsumerDefinition>();
        });

        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<DatabaseUnavailableInterceptor>());
        return builder;
    }

    public static WebApplication MapVectorStoreEndpoints(this WebApplication app)
    {
        app.MapGrpcService<VectorStoreService>().RequireAuthorization(AuthPolicies.Service);
        app.MapDefaultEndpoints();
        return app;
    }
}
