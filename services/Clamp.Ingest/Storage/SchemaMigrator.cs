using Clamp.ServiceDefaults;
using Npgsql;

namespace Clamp.Ingest.Storage;

/// <summary>
/// Brings the "ingest" schema up to date at start-up. Instances starting together serialise on an advisory
/// lock, and each migration is applied once (recorded in ingest.schema_migrations) in its own transaction.
/// </summary>
internal sealed class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger) : IHostedService
{
    private const long AdvisoryLockKey = 0x636C_616D_7069_6E67; // "clamping"

    /// <summary>Migrates, waiting up to a minute for PostgreSQL when the service starts before it.</summary>
    public Task StartAsync(CancellationToken cancellationToken) =>
        PostgresStartup.RunWhenReachableAsync(MigrateAsync, logger, cancellationToken);

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        await Execute(connection, transaction, $"""
            CREATE SCHEMA IF NOT EXISTS {IngestSchema.Name};
            CREATE TABLE IF NOT EXISTS {IngestSchema.Name}.schema_migrations (
                version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
            """, cancellationToken);

        await using var read = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {IngestSchema.Name}.schema_migrations", connection, transaction);
        var applied = (int)(await read.ExecuteScalarAsync(cancellationToken))!;

        for (var version = applied + 1; version <= IngestSchema.Migrations.Count; version++)
        {
            await Execute(connection, transaction, IngestSchema.Migrations[version - 1], cancellationToken);
            await Execute(connection, transaction,
                $"INSERT INTO {IngestSchema.Name}.schema_migrations (version) VALUES ({version})", cancellationToken);
            logger.LogInformation("Applied ingest schema migration {Version}", version);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}
