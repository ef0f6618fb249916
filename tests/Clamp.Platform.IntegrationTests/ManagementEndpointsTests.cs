using System.Net;
using Clamp.ServiceDefaults;
using Clamp.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Clamp.Platform.IntegrationTests;

/// <summary>
/// What the service defaults show to whom: /health gives anonymous callers the statuses only (no exception text,
/// descriptions or data), holders of the management key everything; /metrics is behind the management key when one
/// is configured, and answered only on the management port when one is configured.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class ManagementEndpointsTests
{
    private const string Secret = "password authentication failed for user \"clamp_secret_user\"";

    [Fact]
    public async Task Anonymous_health_shows_statuses_without_exception_text_and_the_management_key_shows_the_detail()
    {
        await using var service = await StartAsync(TestCredentials.Configuration());
        using var anonymous = service.Client();
        using var manager = service.Client(TestCredentials.ManagementKey);

        var plain = await anonymous.GetAsync("/health");
        var detailed = await manager.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, plain.StatusCode);
        var plainBody = await plain.Content.ReadAsStringAsync();
        Assert.Contains("\"failing\":{\"status\":\"Unhealthy\"}", plainBody);
        Assert.DoesNotContain("clamp_secret_user", plainBody);
        Assert.DoesNotContain("database", plainBody);
        Assert.Contains("clamp_secret_user", await detailed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_a_management_key_metrics_need_it()
    {
        await using var service = await StartAsync(TestCredentials.Configuration());
        using var anonymous = service.Client();
        using var wrong = service.Client("not-the-management-key-000000");
        using var manager = service.Client(TestCredentials.ManagementKey);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/alive")).StatusCode);
    }

    [Fact]
    public async Task With_a_management_port_metrics_are_answered_there_only()
    {
        var managementPort = FreeTcpPort.Next();
        await using var service = await StartAsync(new Dictionary<string, string?> { ["Management:Port"] = managementPort.ToString() }, managementPort);
        using var main = service.Client();
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}") };

        Assert.Equal(HttpStatusCode.NotFound, (await main.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await main.GetAsync("/health")).StatusCode);
    }

    private static async Task<Service> StartAsync(Dictionary<string, string?> configuration, int? extraPort = null)
    {
        var port = FreeTcpPort.Next();
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http1);
            if (extraPort is { } other)
                kestrel.Listen(IPAddress.Loopback, other, o => o.Protocols = HttpProtocols.Http1);
        });
        builder.AddServiceDefaults();
        builder.Services.AddHealthChecks().AddCheck("failing", () => HealthCheckResult.Unhealthy(
            "The database does not answer", new InvalidOperationException(Secret), new Dictionary<string, object> { ["host"] = "database" }));
        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        return new Service(app, port);
    }

    private sealed record Service(WebApplication App, int Port) : IAsyncDisposable
    {
        public HttpClient Client(string? key = null)
        {
            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };
            if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
            return client;
        }

        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
