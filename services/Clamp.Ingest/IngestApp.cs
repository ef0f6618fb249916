using Clamp.ServiceDefaults;

namespace Clamp.Ingest;

/// <summary>Builds the ingest service's host: the /v1 API, health, metrics, the outbox relay and the consumers.</summary>
public static class IngestApp
{
    public static WebApplication Build(string[] args, IEnumerable<KeyValuePair<string, string?>>? configuration = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(IngestApp).Assembly.GetName().Name });
        if (configuration is not null)
            builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddServiceDefaults();
        builder.AddIngestServices();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapIngestEndpoints();
        return app;
    }
}
