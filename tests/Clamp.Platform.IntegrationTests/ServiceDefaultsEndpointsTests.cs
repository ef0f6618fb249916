using System.Net;
using System.Text.Json;
using Clamp.ServiceDefaults;
using Clamp.Testing;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Clamp.Platform.IntegrationTests;

/// <summary>A service built with the service defaults answers /alive, /health and the gRPC health service,
/// and its readiness follows its dependencies' checks.</summary>
public sealed class ServiceDefaultsEndpointsTests(IsolatedInfrastructure infrastructure) : IClassFixture<IsolatedInfrastructure>
{
    [Fact]
    public async Task Health_alive_and_gRPC_health_answer_and_readiness_follows_the_checks()
    {
        var dependency = new SwitchableCheck();
        int httpPort = FreeTcpPort.Next(), grpcPort = FreeTcpPort.Next();
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(infrastructure.ServiceConfiguration());
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, httpPort, o => o.Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, grpcPort, o => o.Protocols = HttpProtocols.Http2);
        });
        builder.AddServiceDefaults();
        builder.AddPostgres();
        builder.Services.AddHealthChecks().AddCheck("dependency", dependency);

        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
        var grpcHealth = new Health.HealthClient(channel);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/alive")).StatusCode);
        var ready = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using (var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()))
            Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await grpcHealth.CheckAsync(new HealthCheckRequest())).Status);

        dependency.Healthy = false;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/alive")).StatusCode);

        await app.StopAsync();
    }

    private sealed class SwitchableCheck : IHealthCheck
    {
        public volatile bool Healthy = true;

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(Healthy ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("switched off"));
    }
}
