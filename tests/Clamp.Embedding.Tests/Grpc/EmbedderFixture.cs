using Clamp.Embedding.Tests.Support;

namespace Clamp.Embedding.Tests.Grpc;

/// <summary>The service serving two tiny model versions (0.0.1 and 0.0.2), shared by the gRPC tests.</summary>
public sealed class EmbedderFixture : IAsyncLifetime
{
    private readonly ModelsFolder _models = new();

    public EmbeddingHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _models.Add("0.0.1");
        _models.Add("0.0.2");
        Host = await EmbeddingHost.StartAsync(_models.Root);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _models.Dispose();
    }
}
