using Clamp.Query.Tests.Support;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace Clamp.Query.Tests.Grpc;

/// <summary>The public API describes itself (server reflection) and reports its health (grpc.health.v1).</summary>
public sealed class DiscoveryTests(QueryStack stack) : IClassFixture<QueryStack>
{
    [Fact]
    public async Task Server_reflection_lists_the_search_and_health_services()
    {
        var reflection = new ServerReflection.ServerReflectionClient(stack.Query.Channel);
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Contains("clamp.v1.ScoreSearch", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task The_grpc_health_service_reports_serving()
    {
        var health = new Health.HealthClient(stack.Query.Channel);
        var response = await health.CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }
}
