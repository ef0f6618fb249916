using Clamp.Contracts.Messages;
using Clamp.Ingest;
using Clamp.Patching;
using Clamp.ServiceDefaults;
using Clamp.ServiceDefaults.Auth;
using Clamp.Testing;
using Clamp.VectorStore.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Clamp.Cli.Tests.Support;

/// <summary>
/// A platform for the CLI to talk to: the real ingest API and patching service on this fixture's own PostgreSQL
/// database and RabbitMQ virtual host, a stand-in indexer that answers each <c>ScorePatched</c> with
/// <c>ScoreIndexed</c> (so a readable score ends "indexed" and an unreadable one "failed" with the reader's reason),
/// and a stand-in query service (<see cref="FixedScoreSearch"/>, behind the same API keys as the real one), all on
/// loopback ports.
/// </summary>
public sealed class PlatformHost : IAsyncLifetime
{
    public const string ApiKey = TestCredentials.ApiKey;

    private readonly IsolatedInfrastructure infrastructure = new();
    private WebApplication? ingest;
    private WebApplication? patching;
    private MessageProbe? indexer;
    private InProcessGrpcHost? query;

    public Uri IngestUrl { get; private set; } = null!;
    public Uri QueryAddress => query!.Address;

    /// <summary>The options that point the CLI at the ingest API with a valid key.</summary>
    public string[] IngestOptions => ["--ingest-url", IngestUrl.ToString(), "--api-key", ApiKey];

    /// <summary>The options that point the CLI at the query service with a valid key.</summary>
    public string[] QueryOptions => ["--address", QueryAddress.ToString(), "--api-key", ApiKey];

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        var configuration = infrastructure.ServiceConfiguration();
        configuration["Ingest:Outbox:PollInterval"] = "00:00:00.200";
        configuration["Logging:LogLevel:Default"] = "Warning";

        indexer = await new MessageProbe(infrastructure.Platform.RabbitMq, infrastructure.VirtualHost)
            .Handle<ScorePatched>(context => context.Publish(new ScoreIndexed { ScoreId = context.Message.ScoreId, ModelId = "fake", ModelVersion = "1.0.0" }))
            .StartAsync();
        IngestUrl = new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}/");
        ingest = IngestApp.Build(["--urls", IngestUrl.ToString()], configuration);
        await ingest.StartAsync();
        patching = PatchingApp.Build(["--urls", $"http://127.0.0.1:{FreeTcpPort.Next()}"], configuration);
        await patching.StartAsync();
        query = await InProcessGrpcHost.StartAsync(
            new Dictionary<string, string?>(TestCredentials.Configuration()) { ["Logging:LogLevel:Default"] = "Warning" },
            builder => builder.AddServiceDefaults(),
            app => app.MapGrpcService<FixedScoreSearch>().RequireAuthorization(AuthPolicies.ApiCaller));
    }

    public async Task DisposeAsync()
    {
        if (query is not null) await query.DisposeAsync();
        foreach (var app in new[] { patching, ingest }.OfType<WebApplication>())
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        if (indexer is not null) await indexer.DisposeAsync();
        await infrastructure.DisposeAsync();
    }
}
