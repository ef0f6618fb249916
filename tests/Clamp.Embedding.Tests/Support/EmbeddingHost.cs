using Clamp.Embedding.Models;
using Clamp.ServiceDefaults;
using Clamp.ServiceDefaults.Auth;
using Clamp.Testing;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using EmbedderClient = Clamp.Contracts.Grpc.Embedder.EmbedderClient;

namespace Clamp.Embedding.Tests.Support;

/// <summary>
/// The embedding service hosted in the test process as Program.cs hosts it: service defaults, Kestrel on two free
/// loopback ports (gRPC over HTTP/2 cleartext, health over HTTP/1.1), a real <see cref="GrpcChannel"/> whose client
/// presents the service key, an HTTP client with the management key (the detail of /health, /metrics), and — when
/// RabbitMQ settings are given — the message bus with its consumers.
/// </summary>
public sealed class EmbeddingHost : IAsyncDisposable
{
    private EmbeddingHost(WebApplication app, int grpcPort, int httpPort)
    {
        App = app;
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
        Channel = GrpcChannel.ForAddress(GrpcAddress);
        Client = new EmbedderClient(Channel.Intercept(new KeyMetadataInterceptor(TestCredentials.ServiceKey)));
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        Http.DefaultRequestHeaders.Add("X-Api-Key", TestCredentials.ManagementKey);
    }

    public WebApplication App { get; }
    public Uri GrpcAddress { get; }
    public GrpcChannel Channel { get; }
    public EmbedderClient Client { get; }
    public HttpClient Http { get; }
    public ModelRegistry Registry => App.Services.GetRequiredService<ModelRegistry>();
    public ModelReloader Reloader => App.Services.GetRequiredService<ModelReloader>();

    /// <summary>Starts the service on <paramref name="modelsPath"/> and waits for its first scan of the models.</summary>
    public static async Task<EmbeddingHost> StartAsync(
        string modelsPath, IDictionary<string, string?>? settings = null, IDictionary<string, string?>? messageBus = null)
    {
        int grpcPort = FreeTcpPort.Next(), httpPort = FreeTcpPort.Next();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(TestCredentials.Configuration());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
            ["Kestrel:Endpoints:Http:Url"] = $"http://127.0.0.1:{httpPort}",
            ["Kestrel:Endpoints:Http:Protocols"] = "Http1",
            ["Embedding:ModelsPath"] = modelsPath,
            ["Embedding:Provider"] = "Cpu",
            ["Embedding:IntraOpThreads"] = "1",
            ["Embedding:ReloadPollSeconds"] = "3600",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Configuration.AddInMemoryCollection(messageBus ?? new Dictionary<string, string?>());
        builder.AddServiceDefaults();
        if (messageBus is null)
        {
            builder.AddEmbeddingModels();
        }
        else
        {
            builder.AddEmbeddingServices();
        }

        var app = builder.Build();
        app.MapEmbeddingEndpoints();
        await app.StartAsync();
        var host = new EmbeddingHost(app, grpcPort, httpPort);
        await host.Reloader.ScanAsync(CancellationToken.None);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Channel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
