using Clamp.Testing;

namespace Clamp.VectorStore.Tests.Support;

/// <summary>The vector store service on a fixture's own database and virtual host, with fast retries for tests.</summary>
public static class VectorStoreTestHost
{
    public static Task<InProcessGrpcHost> StartAsync(IsolatedInfrastructure infrastructure, IDictionary<string, string?>? overrides = null)
    {
        var configuration = infrastructure.ServiceConfiguration();
        configuration["VectorStore:RetryLimit"] = "3";
        configuration["VectorStore:RetryMinIntervalMs"] = "100";
        configuration["VectorStore:RetryMaxIntervalMs"] = "1000";
        configuration["VectorStore:VersionCacheMs"] = "0";
        configuration["Logging:LogLevel:Default"] = "Warning";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            configuration[key] = value;
        return InProcessGrpcHost.StartAsync(
            configuration,
            builder => builder.AddVectorStoreServices(),
            app => app.MapVectorStoreEndpoints());
    }
}
