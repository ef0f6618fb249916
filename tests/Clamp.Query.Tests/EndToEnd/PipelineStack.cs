using Clamp.Contracts.Messages;
using Clamp.Embedding;
using Clamp.Embedding.Models;
using Clamp.Inference.Tests.Fixtures;
using Clamp.ServiceDefaults;
using Clamp.Testing;
using Clamp.VectorStore.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Clamp.Query.Tests.EndToEnd;

/// <summary>
/// The back half of the platform for real: the embedding service (a tiny real ONNX model), the vector store and
/// the query service, each on its own loopback port, joined by real RabbitMQ and PostgreSQL, with a probe bus that
/// publishes what the patching service would and records "score indexed".
/// </summary>
public sealed class PipelineStack : IAsyncLifetime
{
    public const string ModelVersion = "0.0.1";
    private readonly IsolatedInfrastructure infrastructure = new();
    private readonly TempDirectory models = new();

    public InProcessGrpcHost Embedding { get; private set; } = null!;
    public InProcessGrpcHost VectorStore { get; private set; } = null!;
    public InProcessGrpcHost Query { get; private set; } = null!;
    public MessageProbe Bus { get; private set; } = null!;
    public Contracts.Grpc.ScoreSearch.ScoreSearchClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        TinyClampModel.Write(models.Sub(ModelVersion), new TinyClampModel.Shape { Version = ModelVersion, EmbeddingDim = 16, MaxPatches = 32 });

        var bus = infrastructure.ServiceConfiguration();
        Embedding = await InProcessGrpcHost.StartAsync(
            new Dictionary<string, string?>(bus)
            {
                ["Embedding:ModelsPath"] = models.Path,
                ["Embedding:Provider"] = "Cpu",
                ["Embedding:IntraOpThreads"] = "1",
                ["Embedding:ReloadPollSeconds"] = "3600",
                ["Logging:LogLevel:Default"] = "Warning",
            },
            builder =>
            {
                builder.AddServiceDefaults();
                builder.AddEmbeddingServices();
            },
            app => app.MapEmbeddingEndpoints());
        await Embedding.Services.GetRequiredService<ModelReloader>().ScanAsync(CancellationToken.None);
        VectorStore = await VectorStoreTestHost.StartAsync(infrastructure);
        Query = await InProcessGrpcHost.StartAsync(
            new Dictionary<string, string?>(TestCredentials.Configuration())
            {
                ["Query:EmbedderAddress"] = Embedding.Address.ToString(),
                ["Query:VectorStoreAddress"] = VectorStore.Address.ToString(),
                ["Query:ServingVersionCacheMs"] = "0",
                ["Logging:LogLevel:Default"] = "Warning",
            },
            builder => builder.AddQueryServices(),
            app => app.MapQueryEndpoints(),
            clientKey: TestCredentials.ApiKey);
        Client = new Contracts.Grpc.ScoreSearch.ScoreSearchClient(Query.Calls);
        Bus = await new MessageProbe(infrastructure.Platform.RabbitMq, infrastructure.VirtualHost)
            .Record<ScoreIndexed>().Record<ScoreFailed>().StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Bus.DisposeAsync();
        await Query.DisposeAsync();
        await VectorStore.DisposeAsync();
        await Embedding.DisposeAsync();
        await infrastructure.DisposeAsync();
        models.Dispose();
    }
}
