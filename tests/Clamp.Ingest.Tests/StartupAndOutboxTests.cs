using Clamp.Contracts.Messages;
using Clamp.Testing;
using Microsoft.Extensions.Options;

namespace Clamp.Ingest.Tests;

/// <summary>Schema migration on start-up, required configuration, and outbox rows that can never be published.</summary>
public sealed class StartupAndOutboxTests(IngestHost host) : IClassFixture<IngestHost>
{
    [Fact]
    public async Task Instances_starting_together_on_one_database_migrate_it_once()
    {
        var configuration = host.Configuration();
        var apps = Enumerable.Range(0, 3)
            .Select(_ => IngestApp.Build(["--urls", $"http://127.0.0.1:{FreeTcpPort.Next()}"], configuration))
            .ToList();
        try
        {
            await Task.WhenAll(apps.Select(app => app.StartAsync()));
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }

        Assert.Equal((long)Storage.IngestSchema.Migrations.Count, await host.QueryAsync<long>("SELECT count(*) FROM ingest.schema_migrations"));
        Assert.Equal(1L, await host.QueryAsync<long>(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'ingest' AND table_name = 'scores'"));
    }

    [Fact]
    public async Task The_service_refuses_to_start_without_an_API_key()
    {
        var configuration = host.Configuration();
        foreach (var key in configuration.Keys.Where(k => k.StartsWith("Auth:ApiKeys:", StringComparison.Ordinal)).ToList())
            configuration.Remove(key);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(configuration));

        Assert.Contains("Auth:ApiKeys must hold at least one key", error.Message);
    }

    [Fact]
    public async Task The_service_refuses_to_start_with_keys_where_they_were_configured_before_Auth()
    {
        var configuration = host.Configuration();
        configuration["Ingest:ApiKeys:0"] = "an-old-style-key-0000000000";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(configuration));

        Assert.Contains("Ingest:ApiKeys moved to Auth:ApiKeys", error.Message);
    }

    private static async Task StartAsync(Dictionary<string, string?> configuration)
    {
        await using var app = IngestApp.Build(["--urls", $"http://127.0.0.1:{FreeTcpPort.Next()}"], configuration);
        await app.StartAsync();
        await app.StopAsync();
    }

    [Fact]
    public async Task An_outbox_row_that_cannot_be_published_is_set_aside_and_the_others_go_on()
    {
        await host.QueryAsync<int>("""
            INSERT INTO ingest.outbox (message_id, message_type, payload) VALUES (gen_random_uuid(), 'NoSuchMessage', '{}');
            INSERT INTO ingest.outbox (message_id, message_type, payload) VALUES (gen_random_uuid(), 'ScoreDeleted', '{"scoreId": 42}');
            SELECT 0
            """);
        var (_, score) = await host.UploadAsync("after.abc", TestScores.UniqueTune());

        await host.Probe.WaitForAsync<ScoreIngested>(m => m.ScoreId == score.Id);
        await Eventually.TrueAsync(async () => await host.QueryAsync<long>("SELECT count(*) FROM ingest.outbox WHERE undeliverable") == 2,
            "the two broken rows were not set aside", TimeSpan.FromSeconds(30));
        var errors = await host.QueryAsync<string>("SELECT string_agg(last_error, ' | ' ORDER BY id) FROM ingest.outbox WHERE undeliverable");
        Assert.Contains("unknown type 'NoSuchMessage'", errors);
        Assert.Contains("is not a valid ScoreDeleted", errors);
    }
}
