using Clamp.Contracts.Grpc;
using Clamp.Query.Tests.Support;
using Clamp.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace Clamp.Query.Tests.Grpc;

/// <summary>The public gRPC API takes the platform's API keys, as metadata <c>x-api-key</c> or <c>authorization: Bearer</c>.</summary>
[Trait("Suite", "Hostile")]
public sealed class AuthenticationTests(QueryStack stack) : IClassFixture<QueryStack>
{
    [Fact]
    public async Task Every_call_without_a_key_or_with_an_unknown_key_is_unauthenticated()
    {
        using var channel = GrpcChannel.ForAddress(stack.Query.Address);
        var client = new ScoreSearch.ScoreSearchClient(channel);
        var scoreId = stack.Stored[0].Id.ToString();

        foreach (var headers in new[] { new Metadata(), new Metadata { { "x-api-key", "not-a-key-of-this-platform" } } })
        {
            Assert.Equal(StatusCode.Unauthenticated, await GrpcStatus.Of(() =>
                client.SearchAsync(new SearchRequest { Query = "a jig" }, headers).ResponseAsync));
            Assert.Equal(StatusCode.Unauthenticated, await GrpcStatus.Of(() =>
                client.SimilarAsync(new SimilarRequest { ScoreId = scoreId }, headers).ResponseAsync));
            Assert.Equal(StatusCode.Unauthenticated, await GrpcStatus.Of(() =>
                client.ClassifyAsync(new ClassifyRequest { ScoreId = scoreId, Labels = { "jig", "reel" } }, headers).ResponseAsync));
        }
    }

    [Fact]
    public async Task A_key_in_x_api_key_or_as_a_bearer_token_is_accepted()
    {
        using var channel = GrpcChannel.ForAddress(stack.Query.Address);
        var client = new ScoreSearch.ScoreSearchClient(channel);
        var request = new SearchRequest { Query = QueryStack.Description(3), Mode = SearchMode.Semantic };

        var byHeader = await client.SearchAsync(request, new Metadata { { "x-api-key", TestCredentials.ApiKey } });
        var byBearer = await client.SearchAsync(request, new Metadata { { "authorization", $"Bearer {TestCredentials.ApiKey}" } });

        Assert.Equal(stack.Stored[3].Id.ToString(), byHeader.Hits[0].ScoreId);
        Assert.Equal(byHeader.Hits.Select(h => h.ScoreId), byBearer.Hits.Select(h => h.ScoreId));
    }
}

/// <summary>Failed authentication is limited per client: after a few wrong keys, the client is refused for a while.</summary>
[Trait("Suite", "Hostile")]
public sealed class FailedAuthenticationLimitTests : IAsyncLifetime
{
    private const int Limit = 3;
    private Clamp.VectorStore.Tests.Support.InProcessGrpcHost query = null!;

    public async Task InitializeAsync()
    {
        // No backends: authentication is decided before a call reaches them.
        var nowhere = $"http://127.0.0.1:{FreeTcpPort.Next()}";
        var configuration = TestCredentials.Configuration();
        configuration["Query:EmbedderAddress"] = nowhere;
        configuration["Query:VectorStoreAddress"] = nowhere;
        configuration["Auth:FailedAttempts:Limit"] = Limit.ToString();
        configuration["Logging:LogLevel:Default"] = "Warning";
        query = await Clamp.VectorStore.Tests.Support.InProcessGrpcHost.StartAsync(
            configuration, builder => builder.AddQueryServices(), app => app.MapQueryEndpoints());
    }

    [Fact]
    public async Task After_the_limit_of_wrong_keys_even_the_right_key_is_refused_with_resource_exhausted()
    {
        using var channel = GrpcChannel.ForAddress(query.Address);
        var client = new ScoreSearch.ScoreSearchClient(channel);
        var wrong = new Metadata { { "x-api-key", "guessed-key-0000000000000000" } };

        var statuses = new List<StatusCode>();
        for (var i = 0; i < Limit + 2; i++)
            statuses.Add(await SearchStatusAsync(client, wrong));
        var right = await SearchStatusAsync(client, new Metadata { { "x-api-key", TestCredentials.ApiKey } });

        Assert.Equal(Enumerable.Repeat(StatusCode.Unauthenticated, Limit), statuses.Take(Limit));
        Assert.Equal([StatusCode.ResourceExhausted, StatusCode.ResourceExhausted], statuses.Skip(Limit));
        Assert.Equal(StatusCode.ResourceExhausted, right);
    }

    private static Task<StatusCode> SearchStatusAsync(ScoreSearch.ScoreSearchClient client, Metadata headers) =>
        GrpcStatus.Of(() => client.SearchAsync(new SearchRequest { Query = "a jig" }, headers).ResponseAsync);

    public async Task DisposeAsync() => await query.DisposeAsync();
}
