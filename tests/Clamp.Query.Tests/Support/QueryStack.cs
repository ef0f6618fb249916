using Microsoft.AspNetCore.Builder;
using Clamp.Contracts.Grpc;
using Clamp.Testing;
using Clamp.VectorStore.Keywords;
using Clamp.VectorStore.Storage;
using Clamp.VectorStore.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Clamp.Query.Tests.Support;

/// <summary>
/// The query service in front of the real vector store (real PostgreSQL) and the FAKE hashing embedder, each
/// hosted on its own loopback port and reached over real gRPC channels. The store holds 40 scores of tenant
/// <see cref="TestCredentials.Tenant"/> whose embeddings are the fake's vectors of their descriptions, so a search for a
/// description finds its score.
/// </summary>
public sealed class QueryStack : IAsyncLifetime
{
    public static readonly string[] Types = ["jig", "reel", "hornpipe", "waltz"];
    public static readonly string[] Keys = ["D major", "G major", "A dorian", "E minor", "C major"];
    public const int Scores = 40;

    private readonly IsolatedInfrastructure infrastructure = new();

    public InProcessGrpcHost VectorStore { get; private set; } = null!;
    public InProcessGrpcHost Embedder { get; private set; } = null!;
    public InProcessGrpcHost Query { get; private set; } = null!;
    public ScoreSearch.ScoreSearchClient Client { get; private set; } = null!;
    public HashingFakeEmbedder FakeEmbedder => Embedder.Services.GetRequiredService<HashingFakeEmbedder>();
    public IReadOnlyList<(Guid Id, string Description, EmbeddingRow Row)> Stored { get; private set; } = [];

    public static string Description(int i) => $"A {Types[i % Types.Length]} in {Keys[i % Keys.Length]}, tune number {i}";

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        VectorStore = await VectorStoreTestHost.StartAsync(infrastructure);
        var stored = Enumerable.Range(0, Scores).Select(i =>
        {
            var id = Guid.NewGuid();
            var row = new EmbeddingRow(id, $"hash{i}", HashingFakeEmbedder.Vector(Description(i)),
                i % 2 == 0 ? "nottingham" : "oneills", Keys[i % Keys.Length], "6/8", Types[i % Types.Length],
                i % 4 == 0 ? ["session"] : [], $"Tune {i}", null, TestCredentials.Tenant);
            return (id, Description(i), row);
        }).ToList();
        await StoreAsync(stored.Select(s => s.row).ToList());
        Stored = stored;

        Embedder = await StartFakeEmbedderAsync();
        Query = await StartQueryAsync(Embedder.Address);
        Client = new ScoreSearch.ScoreSearchClient(Query.Calls);
    }

    /// <summary>Stores rows (embeddings and filter metadata) in the vector store, with their keyword documents.</summary>
    public async Task StoreAsync(IReadOnlyList<EmbeddingRow> rows)
    {
        var database = new VectorStoreDatabase(VectorStore.Services);
        await database.LoadAsync(HashingFakeEmbedder.ModelVersion, HashingFakeEmbedder.Dimension, rows);
        await database.LoadDocumentsAsync(rows.Select(r => new ScoreDocument(r.ScoreId, r.Title, [], r.Composer, null, null,
            r.Collection, r.Tags, r.Type, null, null, null, r.Tenant)).ToList());
    }

    /// <summary>A query service whose embedding service is at <paramref name="embeddingAddress"/>, called with the test API key.</summary>
    public Task<InProcessGrpcHost> StartQueryAsync(Uri embeddingAddress)
    {
        var configuration = TestCredentials.Configuration();
        configuration["Query:EmbedderAddress"] = embeddingAddress.ToString();
        configuration["Query:VectorStoreAddress"] = VectorStore.Address.ToString();
        configuration["Query:ServingVersionCacheMs"] = "0";
        configuration["Logging:LogLevel:Default"] = "Warning";
        return InProcessGrpcHost.StartAsync(configuration, builder => builder.AddQueryServices(), app => app.MapQueryEndpoints(),
            clientKey: TestCredentials.ApiKey);
    }

    private static Task<InProcessGrpcHost> StartFakeEmbedderAsync() => InProcessGrpcHost.StartAsync(
        new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" },
        builder =>
        {
            builder.Services.AddGrpc();
            builder.Services.AddSingleton<HashingFakeEmbedder>();
        },
        app => app.MapGrpcService<HashingFakeEmbedder>());

    public async Task DisposeAsync()
    {
        await Query.DisposeAsync();
        await Embedder.DisposeAsync();
        await VectorStore.DisposeAsync();
        await infrastructure.DisposeAsync();
    }
}
