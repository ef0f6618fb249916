using System.Net;
using System.Net.Http.Json;
using Clamp.Contracts.Messages;
using Clamp.Ingest.Api;
using Clamp.Ingest.Storage;
using Clamp.Testing;
using Npgsql;

namespace Clamp.Ingest.Tests;

/// <summary>Scores stored before tenancy belong to the default tenant once the schema is migrated, and only to it.</summary>
[Trait("Suite", "Hostile")]
public sealed class TenancyMigrationTests(IsolatedInfrastructure infrastructure) : IClassFixture<IsolatedInfrastructure>
{
    private const string DefaultTenantKey = "test-api-key-of-the-default-tenant-1";

    [Fact]
    public async Task Scores_stored_before_tenancy_belong_to_the_default_tenant()
    {
        var old = Guid.CreateVersion7();
        await using (var dataSource = NpgsqlDataSource.Create(infrastructure.DatabaseConnectionString))
        await using (var command = dataSource.CreateCommand($$"""
            CREATE SCHEMA ingest;
            CREATE TABLE ingest.schema_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
            {{IngestSchema.Migrations[0]}}
            INSERT INTO ingest.schema_migrations (version) VALUES (1);
            INSERT INTO ingest.scores (id, content_hash, format, file_name, content, metadata, status, status_rank)
            VALUES ('{{old}}', 'old-hash', 'Abc', 'old.abc', '\x58', '{}'::jsonb, 'indexed', 3);
            """))
            await command.ExecuteNonQueryAsync();

        var url = $"http://127.0.0.1:{FreeTcpPort.Next()}/";
        var configuration = infrastructure.ServiceConfiguration();
        configuration["Auth:ApiKeys:9:Key"] = DefaultTenantKey;
        await using var app = IngestApp.Build(["--urls", url], configuration);
        await app.StartAsync();
        using var owner = new HttpClient { BaseAddress = new Uri(url) };
        owner.DefaultRequestHeaders.Add("X-Api-Key", DefaultTenantKey);
        using var alpha = new HttpClient { BaseAddress = new Uri(url) };
        alpha.DefaultRequestHeaders.Add("X-Api-Key", TestCredentials.ApiKey);

        var score = await owner.GetFromJsonAsync<ScoreResponse>($"v1/scores/{old}", IngestHost.Json);
        Assert.Equal(Tenants.Default, score!.Tenant);
        Assert.Equal(HttpStatusCode.NotFound, (await alpha.GetAsync($"v1/scores/{old}")).StatusCode);
        await app.StopAsync();
    }
}
