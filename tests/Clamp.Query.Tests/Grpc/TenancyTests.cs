using Clamp.Contracts.Grpc;
using Clamp.Query.Tests.Support;
using Clamp.Testing;
using Clamp.VectorStore.Storage;
using Grpc.Core;
using Grpc.Net.Client;

namespace Clamp.Query.Tests.Grpc;

/// <summary>
/// The <see cref="QueryStack"/> (40 scores of tenant alpha) plus scores of tenant beta (copies of alpha's descriptions,
/// so their vectors tie with alpha's, and one titled "Secret Reel") and of the shared tenant library.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class TenantStack : IAsyncLifetime
{
    public QueryStack Stack { get; } = new();
    public IReadOnlyList<EmbeddingRow> Beta { get; private set; } = [];
    public EmbeddingRow Library { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Stack.InitializeAsync();
        Beta = Enumerable.Range(0, 5)
            .Select(i => Row(QueryStack.Description(i), i == 0 ? "Secret Reel" : $"Beta Tune {i}", TestCredentials.OtherTenant))
            .ToList();
        Library = Row("A hornpipe from the library shelves", "Library Hornpipe", TestCredentials.SharedTenant);
        await Stack.StoreAsync([.. Beta, Library]);
    }

    private static EmbeddingRow Row(string description, string title, string tenant) => new(Guid.NewGuid(), $"hash-{title}",
        HashingFakeEmbedder.Vector(description), "nottingham", "D major", "6/8", "reel", [], title, null, tenant);

    public Task DisposeAsync() => Stack.DisposeAsync();
}

/// <summary>Search, Similar and Classify reach the scores of the caller's tenant and the shared tenant, never another's.</summary>
public sealed class TenancyTests(TenantStack tenants) : IClassFixture<TenantStack>, IDisposable
{
    private static readonly SearchMode[] Modes = [SearchMode.Semantic, SearchMode.Keyword, SearchMode.Hybrid];

    private readonly GrpcChannel channel = GrpcChannel.ForAddress(tenants.Stack.Query.Address);
    private ScoreSearch.ScoreSearchClient Client => new(channel);

    private static Metadata As(string key) => new() { { "x-api-key", key } };

    private async Task<IReadOnlyList<string>> SearchAsync(string query, SearchMode mode, string key) =>
        (await Client.SearchAsync(new SearchRequest { Query = query, Mode = mode, K = 100 }, As(key))).Hits.Select(h => h.ScoreId).ToList();

    [Fact]
    public async Task No_search_mode_finds_another_tenants_scores()
    {
        var beta = tenants.Beta.Select(r => r.ScoreId.ToString()).ToHashSet();
        foreach (var mode in Modes)
        {
            var described = await SearchAsync(QueryStack.Description(0), mode, TestCredentials.ApiKey);
            var titled = await SearchAsync("Secret Reel", mode, TestCredentials.ApiKey);

            Assert.Equal(tenants.Stack.Stored[0].Id.ToString(), described[0]);
            Assert.DoesNotContain(described, beta.Contains);
            Assert.DoesNotContain(titled, beta.Contains);
        }
    }

    [Fact]
    public async Task Similar_and_classify_by_another_tenants_score_id_are_not_found_and_its_neighbours_are_hidden()
    {
        var betaScore = tenants.Beta[1].ScoreId.ToString();

        var similar = await GrpcStatus.Of(() => Client.SimilarAsync(new SimilarRequest { ScoreId = betaScore }, As(TestCredentials.ApiKey)).ResponseAsync);
        var classify = await GrpcStatus.Of(() =>
            Client.ClassifyAsync(new ClassifyRequest { ScoreId = betaScore, Labels = { "jig", "reel" } }, As(TestCredentials.ApiKey)).ResponseAsync);
        var neighbours = await Client.SimilarAsync(new SimilarRequest { ScoreId = tenants.Stack.Stored[1].Id.ToString(), K = 100 }, As(TestCredentials.ApiKey));

        Assert.Equal(StatusCode.NotFound, similar);
        Assert.Equal(StatusCode.NotFound, classify);
        Assert.DoesNotContain(neighbours.Hits, hit => tenants.Beta.Any(r => r.ScoreId.ToString() == hit.ScoreId));
    }

    [Fact]
    public async Task The_other_tenant_finds_its_own_and_the_shared_scores_and_none_of_alphas()
    {
        var alpha = tenants.Stack.Stored.Select(s => s.Id.ToString()).ToHashSet();

        var described = await SearchAsync(QueryStack.Description(1), SearchMode.Semantic, TestCredentials.OtherTenantKey);
        var titled = await SearchAsync("Secret Reel", SearchMode.Keyword, TestCredentials.OtherTenantKey);
        var classify = await Client.ClassifyAsync(
            new ClassifyRequest { ScoreId = tenants.Beta[1].ScoreId.ToString(), Labels = { "jig", "reel" } }, As(TestCredentials.OtherTenantKey));

        Assert.Equal(tenants.Beta[1].ScoreId.ToString(), described[0]);
        Assert.Contains(tenants.Library.ScoreId.ToString(), described);
        Assert.DoesNotContain(described, alpha.Contains);
        Assert.Equal(tenants.Beta[0].ScoreId.ToString(), titled[0]);
        Assert.Equal(2, classify.Labels.Count);
    }

    [Fact]
    public async Task A_shared_tenants_scores_are_found_by_every_key()
    {
        var library = tenants.Library.ScoreId.ToString();
        foreach (var key in new[] { TestCredentials.ApiKey, TestCredentials.OtherTenantKey, TestCredentials.SharedTenantKey })
            Assert.Equal(library, (await SearchAsync("Library Hornpipe", SearchMode.Keyword, key))[0]);

        // Its neighbours are the caller's own scores (the library holds no other).
        var ofAlpha = await Client.SimilarAsync(new SimilarRequest { ScoreId = library, K = 5 }, As(TestCredentials.ApiKey));
        var ofLibrary = await Client.SimilarAsync(new SimilarRequest { ScoreId = library, K = 5 }, As(TestCredentials.SharedTenantKey));
        Assert.Equal(5, ofAlpha.Hits.Count);
        Assert.All(ofAlpha.Hits, hit => Assert.Contains(tenants.Stack.Stored, s => s.Id.ToString() == hit.ScoreId));
        Assert.Empty(ofLibrary.Hits);
    }

    public void Dispose() => channel.Dispose();
}
