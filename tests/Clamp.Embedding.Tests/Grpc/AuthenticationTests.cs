using Clamp.Contracts.Grpc;
using Clamp.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Clamp.Embedding.Tests.Grpc;

/// <summary>
/// The internal Embedder API answers only callers holding the service key (no key or an unknown one is unauthenticated,
/// an API key is refused); its health service answers anyone.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class AuthenticationTests(EmbedderFixture fixture) : IClassFixture<EmbedderFixture>
{
    [Fact]
    public async Task Calls_without_the_service_key_are_refused()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.GrpcAddress);
        var client = new Embedder.EmbedderClient(channel);

        foreach (var (headers, refusal) in new[]
                 {
                     (new Metadata(), StatusCode.Unauthenticated),
                     (new Metadata { { "x-api-key", "not-a-key-of-this-platform" } }, StatusCode.Unauthenticated),
                     (new Metadata { { "x-api-key", TestCredentials.ApiKey } }, StatusCode.PermissionDenied),
                 })
        {
            var models = await Assert.ThrowsAsync<RpcException>(() => client.ListModelsAsync(new ListModelsRequest(), headers).ResponseAsync);
            var texts = await Assert.ThrowsAsync<RpcException>(() =>
                client.EmbedTextsAsync(new EmbedTextsRequest { Texts = { "a jig" } }, headers).ResponseAsync);
            // The refusal comes with the call's headers, before any item: reading the answer gives it. (Writing first
            // raced the refusal: a write after the server ended the call fails as Cancelled, not with its status.)
            using var stream = client.StreamEmbedTexts(headers);
            var streamed = await Assert.ThrowsAsync<RpcException>(() => stream.ResponseStream.MoveNext(CancellationToken.None));

            Assert.Equal(refusal, models.StatusCode);
            Assert.Equal(refusal, texts.StatusCode);
            Assert.Equal(refusal, streamed.StatusCode);
        }
    }

    [Fact]
    public async Task The_service_key_is_accepted_and_health_needs_no_key()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.GrpcAddress);

        var models = await new Embedder.EmbedderClient(channel).ListModelsAsync(
            new ListModelsRequest(), new Metadata { { "x-api-key", TestCredentials.ServiceKey } });
        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(2, models.Models.Count);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }
}
