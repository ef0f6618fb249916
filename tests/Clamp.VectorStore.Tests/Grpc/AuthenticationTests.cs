using Clamp.Contracts.Grpc;
using Clamp.Testing;
using Clamp.VectorStore.Tests.Support;
using Grpc.Core;
using Grpc.Net.Client;
using VectorStoreClient = Clamp.Contracts.Grpc.VectorStore.VectorStoreClient;

namespace Clamp.VectorStore.Tests.Grpc;

/// <summary>The internal VectorStore API answers only callers holding the service key: no key is unauthenticated, an API key is refused.</summary>
[Trait("Suite", "Hostile")]
public sealed class AuthenticationTests(IsolatedInfrastructure infrastructure) : IClassFixture<IsolatedInfrastructure>, IAsyncLifetime
{
    private InProcessGrpcHost host = null!;

    public async Task InitializeAsync() => host = await VectorStoreTestHost.StartAsync(infrastructure);

    [Fact]
    public async Task Calls_without_the_service_key_are_refused_and_with_it_answered()
    {
        using var channel = GrpcChannel.ForAddress(host.Address);
        var client = new VectorStoreClient(channel);

        foreach (var (headers, refusal) in new[]
                 {
                     (new Metadata(), StatusCode.Unauthenticated),
                     (new Metadata { { "x-api-key", "not-a-key-of-this-platform" } }, StatusCode.Unauthenticated),
                     (new Metadata { { "x-api-key", TestCredentials.ApiKey } }, StatusCode.PermissionDenied),
                 })
        {
            var versions = await Assert.ThrowsAsync<RpcException>(() =>
                client.GetModelVersionsAsync(new GetModelVersionsRequest(), headers).ResponseAsync);
            var keyword = await Assert.ThrowsAsync<RpcException>(() =>
                client.KeywordAsync(new KeywordRequest { Query = "jig" }, headers).ResponseAsync);
            Assert.Equal(refusal, versions.StatusCode);
            Assert.Equal(refusal, keyword.StatusCode);
        }

        var answered = await client.GetModelVersionsAsync(
            new GetModelVersionsRequest(), new Metadata { { "authorization", $"Bearer {TestCredentials.ServiceKey}" } });
        Assert.Equal("", answered.ServingVersion);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();
}
