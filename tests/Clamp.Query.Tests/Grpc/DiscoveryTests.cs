using Clamp.Query.Tests.Support;
using Clamp.Testing;
using Clamp.VectorStore.Tests.Support;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1Alpha;

namespace Clamp.Query.Tests.Grpc;

/// <summary>
/// The public API describes itself (server reflection, on in Development and where Grpc:EnableReflection says) and
/// reports its health (grpc.health.v1) to anyone.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class DiscoveryTests(QueryStack stack) : IClassFixture<QueryStack>
{
    [Fact]
    public async Task Server_reflection_lists_the_search_and_health_services()
    {
        var reflection = new ServerReflection.ServerReflectionClient(stack.Query.Calls);
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Contains("clamp.v1.ScoreSearch", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task The_grpc_health_service_reports_serving_without_a_key()
    {
        using var anonymous = GrpcChannel.ForAddress(stack.Query.Address);
        var health = new Health.HealthClient(anonymous);
        var response = await health.CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Theory]
    [InlineData(null, StatusCode.Unimplemented)]
    [InlineData("true", StatusCode.OK)]
    public async Task Outside_development_server_reflection_is_off_unless_configured(string? enable, StatusCode expected)
    {
        var configuration = TestCredentials.Configuration();
        configuration["Query:EmbedderAddress"] = stack.Embedder.Address.ToString();
        configuration["Query:VectorStoreAddress"] = stack.VectorStore.Address.ToString();
        configuration["Grpc:EnableReflection"] = enable;
        await using var production = await InProcessGrpcHost.StartAsync(
            configuration, builder => builder.AddQueryServices(), app => app.MapQueryEndpoints(), environment: "Production",
            clientKey: TestCredentials.ApiKey);

        var status = await GrpcStatus.Of(async () =>
        {
            using var call = new ServerReflection.ServerReflectionClient(production.Calls).ServerReflectionInfo();
            await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
            await call.RequestStream.CompleteAsync();
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });

        Assert.Equal(expected, status);
    }
}
