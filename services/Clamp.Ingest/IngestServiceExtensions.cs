using System.Text.Json.Serialization;
using Clamp.Ingest.Api;
using Clamp.Ingest.Auth;
using Clamp.Ingest.Deletes;
using Clamp.Ingest.Outbox;
using Clamp.Ingest.Reindex;
using Clamp.Ingest.Status;
using Clamp.Ingest.Storage;
using Clamp.Ingest.Uploads;
using Clamp.ServiceDefaults;
using Clamp.ServiceDefaults.Auth;
using MassTransit;

namespace Clamp.Ingest;

public static class IngestServiceExtensions
{
    /// <summary>Everything the ingest service needs: PostgreSQL (schema migrated at start-up), the outbox relay,
    /// the status, re-indexing and failed-deletion consumers, API-key security, rate limiting and the OpenAPI document.</summary>
    public static IHostApplicationBuilder AddIngestServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.ApiKeys.Length == 0, IngestOptions.ApiKeysMoved).ValidateOnStart();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReindexOptions>().BindConfiguration(ReindexOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DeleteRetryOptions>().BindConfiguration(DeleteRetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);

        builder.AddPostgres();
        // Registered before the bus and the relay: hosted services start in order, and both need the schema.
        services.AddHostedService<SchemaMigrator>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxWriter>();
        services.AddSingleton<ScoreRepository>();
        services.AddSingleton<ScoreStatusRepository>();
        services.AddSingleton<ReindexJobRepository>();
        services.AddSingleton<FailedDeleteRepository>();
        services.AddSingleton<BatchExpander>();

        builder.AddMessageBus(bus =>
        {
            bus.AddConsumer<ScorePatchedConsumer, RetryingConsumerDefinition<ScorePatchedConsumer>>();
            bus.AddConsumer<ScoreIndexedConsumer, RetryingConsumerDefinition<ScoreIndexedConsumer>>();
            bus.AddConsumer<ScoreFailedConsumer, RetryingConsumerDefinition<ScoreFailedConsumer>>();
            bus.AddConsumer<PipelineFaultConsumer, RetryingConsumerDefinition<PipelineFaultConsumer>>();
            bus.AddConsumer<ModelPublishedConsumer, RetryingConsumerDefinition<ModelPublishedConsumer>>();
            bus.AddConsumer<ScoreDeleteFaultConsumer, RetryingConsumerDefinition<ScoreDeleteFaultConsumer>>();
        });
        services.AddHostedService<OutboxRelay>();
        services.AddHostedService<ReindexWorker>();
        services.AddHostedService<DeleteRetryWorker>();

        builder.AddIngestSecurity();
        services.AddProblemDetails();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<ApiKeySecurityTransformer>());
        return builder;
    }

    /// <summary>The /v1 API (API key and rate limit on every route) and the OpenAPI document at /openapi/v1.json (a management endpoint).</summary>
    public static WebApplication MapIngestEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        var api = app.MapGroup("/v1")
            .RequireAuthorization(AuthPolicies.ApiCaller)
            .RequireRateLimiting(IngestSecurityExtensions.RatePolicy)
            .AddEndpointFilter<UploadErrorFilter>();
        api.MapScoreEndpoints();
        api.MapReindexEndpoints();
        app.MapOpenApi().AsManagementEndpoint();
        return app;
    }
}
