using Clamp.Contracts.Grpc;
using Clamp.Contracts.Messages;
using Clamp.Testing;
using Clamp.VectorStore.Keywords;
using Clamp.VectorStore.Storage;
using Clamp.VectorStore.Tests.Support;
using Grpc.Core;
using VectorStoreClient = Clamp.Contracts.Grpc.VectorStore.VectorStoreClient;

namespace Clamp.VectorStore.Tests.Grpc;

/// <summary>
/// The vector store on its own database with four scores of tenant alpha and, with the same vectors and titles, four of
/// tenant beta: a search that leaked would find beta's level with alpha's.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class TenantRows : IAsyncLifetime
{
    public const string Version = "1.0.0-tenancy";
    public const string Alpha = "alpha", Beta = "beta";
    private const int Dimension = 8;

    public IsolatedInfrastructure Infrastructure { get; } = new();
    public InProcessGrpcHost Host { get; private set; } = null!;
    public List<EmbeddingRow> Rows { get; } = [];

    public async Task InitializeAsync()
    {
        await Infrastructure.InitializeAsync();
        Host = await VectorStoreTestHost.StartAsync(Infrastructure);
        var vectors = new UnitVectors(Dimension, seed: 3);
        for (var i = 0; i < 4; i++)
        {
            var vector = vectors.Next();
            foreach (var tenant in new[] { Alpha, Beta })
                Rows.Add(new EmbeddingRow(Guid.NewGuid(), $"hash{i}", vector, "session", "D major", "6/8", "jig", [], $"Tenant Air {i}", null, tenant));
        }
        var database = new VectorStoreDatabase(Host.Services);
        await database.LoadAsync(Version, Dimension, Rows);
        await database.LoadDocumentsAsync(Rows.Select(r => new ScoreDocument(r.ScoreId, r.Title, [], null, null, null, r.Collection, r.Tags, r.Type,
            null, null, null, r.Tenant)).ToList());
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }
}

/// <summary>
/// Every request about scores names the tenants whose scores it may reach, and reaches no other: nearest neighbours,
/// keyword search and stored embeddings.
/// </summary>
public sealed class TenancyTests(TenantRows fixture) : IClassFixture<TenantRows>
{
    private const string Version = TenantRows.Version, Alpha = TenantRows.Alpha, Beta = TenantRows.Beta;
    private readonly VectorStoreClient client = new(fixture.Host.Calls);
    private List<EmbeddingRow> Rows => fixture.Rows;

    private IEnumerable<string> IdsOf(string tenant) => Rows.Where(r => r.Tenant == tenant).Select(r => r.ScoreId.ToString());

    private async Task<IReadOnlyList<string>> NearestAsync(float[] vector, params string[] tenants)
    {
        var request = new NearestRequest { K = 20, ModelVersion = Version, Tenants = { tenants } };
        request.Vector.AddRange(vector);
        return (await client.NearestAsync(request)).Hits.Select(h => h.ScoreId).ToList();
    }

    private async Task<IReadOnlyList<string>> KeywordAsync(string query, params string[] tenants) =>
        (await client.KeywordAsync(new KeywordRequest { Query = query, K = 20, ModelVersion = Version, Tenants = { tenants } }))
        .Hits.Select(h => h.ScoreId).ToList();

    [Fact]
    public async Task Nearest_and_keyword_search_reach_the_named_tenants_only()
    {
        var vector = Rows[0].Embedding;

        Assert.Equal(IdsOf(Alpha).Order(), (await NearestAsync(vector, Alpha)).Order());
        Assert.Equal(IdsOf(Beta).Order(), (await NearestAsync(vector, Beta)).Order());
        Assert.Equal(Rows.Count, (await NearestAsync(vector, Alpha, Beta)).Count);
        Assert.Equal(IdsOf(Alpha).Order(), (await KeywordAsync("tenant air", Alpha)).Order());
        Assert.Equal(IdsOf(Beta).Order(), (await KeywordAsync("tenant air", Beta)).Order());
        Assert.Empty(await NearestAsync(vector, "nobody"));
    }

    [Fact]
    public async Task Another_tenants_embedding_is_not_found()
    {
        var betaScore = Rows.First(r => r.Tenant == Beta).ScoreId.ToString();

        var asAlpha = await client.GetEmbeddingAsync(new GetEmbeddingRequest { ScoreId = betaScore, ModelVersion = Version, Tenants = { Alpha } });
        var asBeta = await client.GetEmbeddingAsync(new GetEmbeddingRequest { ScoreId = betaScore, ModelVersion = Version, Tenants = { Beta } });

        Assert.False(asAlpha.Found);
        Assert.Empty(asAlpha.Vector);
        Assert.True(asBeta.Found);
    }

    [Fact]
    public async Task A_request_that_names_no_tenant_is_refused()
    {
        var nearest = new NearestRequest { K = 5, ModelVersion = Version };
        nearest.Vector.AddRange(Rows[0].Embedding);

        var errors = new[]
        {
            await Assert.ThrowsAsync<RpcException>(() => client.NearestAsync(nearest).ResponseAsync),
            await Assert.ThrowsAsync<RpcException>(() => client.KeywordAsync(new KeywordRequest { Query = "air", ModelVersion = Version }).ResponseAsync),
            await Assert.ThrowsAsync<RpcException>(() =>
                client.GetEmbeddingAsync(new GetEmbeddingRequest { ScoreId = Rows[0].ScoreId.ToString(), ModelVersion = Version }).ResponseAsync),
        };

        Assert.All(errors, e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.All(errors, e => Assert.Contains("tenants", e.Status.Detail));
    }
}

/// <summary>Tables of a release before tenancy get the tenant column at start-up; their rows belong to the default tenant.</summary>
public sealed class TenantMigrationTests(IsolatedInfrastructure infrastructure) : IClassFixture<IsolatedInfrastructure>
{
    [Fact]
    public async Task Rows_stored_before_tenancy_belong_to_the_default_tenant_after_start_up()
    {
        var legacy = Guid.NewGuid();
        string table;
        await using (var before = await VectorStoreTestHost.StartAsync(infrastructure))
        {
            var database = new VectorStoreDatabase(before.Services);
            table = (await database.Versions.EnsureAsync(Embedded.ModelId, "0.9.0-legacy", 4, CancellationToken.None)).TableName;
            // The shape of the tables before tenancy, and a row stored then.
            await database.ScalarAsync<long?>($"ALTER TABLE {table} DROP COLUMN tenant; ALTER TABLE score_documents DROP COLUMN tenant");
            await database.ScalarAsync<long?>(
                $"INSERT INTO {table} (score_id, content_hash, embedding, title, type) VALUES ('{legacy}', 'old', '[1,0,0,0]', 'The Old Air', 'air')");
        }

        await using var after = await VectorStoreTestHost.StartAsync(infrastructure);
        var client = new VectorStoreClient(after.Calls);
        var nearest = new NearestRequest { K = 5, ModelVersion = "0.9.0-legacy", Tenants = { Tenants.Default } };
        nearest.Vector.AddRange([1f, 0f, 0f, 0f]);
        var keyword = new KeywordRequest { Query = "old air", ModelVersion = "0.9.0-legacy", Tenants = { Tenants.Default } };

        Assert.Equal(legacy.ToString(), Assert.Single((await client.NearestAsync(nearest)).Hits).ScoreId);
        Assert.Equal(legacy.ToString(), Assert.Single((await client.KeywordAsync(keyword)).Hits).ScoreId);
        nearest.Tenants[0] = TestCredentials.Tenant;
        Assert.Empty((await client.NearestAsync(nearest)).Hits);
        Assert.Equal(Tenants.Default, await new VectorStoreDatabase(after.Services).ScalarAsync<string>($"SELECT tenant FROM {table} WHERE score_id = '{legacy}'"));
    }
}
