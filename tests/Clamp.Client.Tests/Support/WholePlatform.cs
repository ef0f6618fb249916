using Clamp.Embedding.Tests.Support;
using Clamp.Ingest;
using Clamp.Inference.Tests.Fixtures;
using Clamp.Patching;
using Clamp.Query;
using Clamp.Testing;
using Clamp.VectorStore.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Clamp.Client.Tests.Support;

/// <summary>
/// The whole platform for real, each service on its own loopback port, joined by this fixture's own PostgreSQL
/// database and RabbitMQ virtual host: ingest API, patching service, embedding service (a tiny real ONNX model),
/// vector store and query service. An upload goes all the way to "indexed" and is found through the public API.
/// </summary>
public sealed class WholePlatform : IAsyncLifetime
{
    public const string ModelVersion = "0.0.1";
    private readonly IsolatedInfrastructure infrastructure = new();
    private readonly TempDirectory models = new();
    private readonly List<WebApplication> apps = [];
    private readonly List<IAsyncDisposable> disposables = [];

    public Uri IngestUrl { get; private set; } = null!;
    public Uri QueryAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        TinyClampModel.Write(models.Sub(ModelVersion), new TinyClampModel.Shape { Version = ModelVersion, EmbeddingDim = 16, MaxPatches = 32 });
        var configuration = infrastructure.ServiceConfiguration();
        configuration["Ingest:Outbox:PollInterval"] = "00:00:00.200";
        configuration["Patching:MaxPatches"] = "32";
        configuration["Logging:LogLevel:Default"] = "Warning";

        IngestUrl = new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}/");
        apps.Add(IngestApp.Build(["--urls", IngestUrl.ToString()], configuration));
        apps.Add(PatchingApp.Build(["--urls", $"http://127.0.0.1:{FreeTcpPort.Next()}"], configuration));
        foreach (var app in apps) await app.StartAsync();

        var embedding = await EmbeddingHost.StartAsync(models.Path, messageBus: configuration);
        disposables.Add(embedding);
        var vectorStore = await VectorStoreTestHost.StartAsync(infrastructure);
        disposables.Add(vectorStore);
        var query = await InProcessGrpcHost.StartAsync(
            new Dictionary<string, string?>(TestCredentials.Configuration())
            {
                ["Query:EmbedderAddress"] = $"http://{embedding.Channel.Target}",
                ["Query:VectorStoreAddress"] = vectorStore.Address.ToString(),
                ["Query:ServingVersionCacheMs"] = "0",
                ["Logging:LogLevel:Default"] = "Warning",
            },
            builder => builder.AddQueryServices(),
            app => app.MapQueryEndpoints(),
            clientKey: TestCredentials.ApiKey);
        disposables.Add(query);
        QueryAddress = query.Address;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(disposables)) await host.DisposeAsync();
        foreach (var app in Enumerable.Reverse(apps))
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await infrastructure.DisposeAsync();
        models.Dispose();
    }
}
