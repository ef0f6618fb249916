using Clamp.Contracts.Messages;
using Clamp.Testing;
using MassTransit;
using Microsoft.AspNetCore.Builder;

namespace Clamp.Patching.Tests;

/// <summary>The real patching service on this fixture's own RabbitMQ virtual host, and a probe of what it publishes.</summary>
public class PatchingHost : IAsyncLifetime
{
    private WebApplication? _app;

    public IsolatedInfrastructure Infrastructure { get; } = new();
    public MessageProbe Probe { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Infrastructure.InitializeAsync();
        Probe = await new MessageProbe(Infrastructure.Platform.RabbitMq, Infrastructure.VirtualHost)
            .Record<ScorePatched>().Record<ScoreFailed>().Record<Fault<ScoreIngested>>()
            .StartAsync();
        var configuration = Infrastructure.ServiceConfiguration();
        configuration["Messaging:Retry:Limit"] = "2";
        configuration["Messaging:Retry:MinInterval"] = "00:00:00.050";
        configuration["Messaging:Retry:MaxInterval"] = "00:00:00.200";
        configuration["Messaging:Retry:IntervalDelta"] = "00:00:00.050";
        configuration["Logging:LogLevel:Default"] = "Warning";
        Configure(configuration);
        _app = PatchingApp.Build(["--urls", $"http://127.0.0.1:{FreeTcpPort.Next()}"], configuration);
        await _app.StartAsync();
    }

    /// <summary>Settings of the service a derived fixture changes.</summary>
    protected virtual void Configure(Dictionary<string, string?> configuration)
    {
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (Probe is not null)
            await Probe.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }
}
