using Clamp.ServiceDefaults;
using Clamp.VectorStore.Keywords;
using Npgsql;

namespace Clamp.VectorStore.Storage;

/// <summary>
/// Creates the vector store's own tables (model versions, failures, keyword documents) at start-up. Idempotent, and serialised across replicas by an
/// advisory lock so two instances starting together do not race on CREATE.
/// </summary>
public sealed class SchemaInitializer(NpgsqlDataSource dataSource, ILogger<SchemaInitializer> logger) : IHostedService
{
    /// <summary>Advisory lock key of schema and version-table changes ("clampvs" in ASCII).</summary>
    public const long SchemaLockKey = 0x636C616D707673;

    private const string Ddl = """
        CREATE EXTENSION IF NOT EXISTS vector;
        CREATE TABLE IF NOT EXISTS model_versions (
            model_version text PRIMARY KEY,
            model_id      text NOT NULL,
            dim           int  NOT NULL CHECK (dim BETWEEN 1 AND 16000),
            table_name    text NOT NULL UNIQUE,
            state         text NOT NULL CHECK (state IN ('building', 'serving', 'retired')),
            indexed       bigint NOT NULL DEFAULT 0,
            failed        bigint NOT NULL DEFAULT 0,
            index_built   boolean NOT NULL DEFAULT false,
            created_at    timestamptz NOT NULL DEFAULT now(),
            completed_at  timestamptz
        );
        CREATE UNIQUE INDEX IF NOT EXISTS model_versions_one_serving ON model_versions ((true)) WHERE state = 'serving';
        CREATE TABLE IF NOT EXISTS reindex_targets (
            model_version text PRIMARY KEY,
            total         bigint NOT NULL CHECK (total >= 0),
            updated_at    timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE IF NOT EXISTS index_failures (
            model_version text NOT NULL,
            score_id      uuid NOT NULL,
            code          text NOT NULL,
            reason        text NOT NULL,
            failed_at     timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (model_version, score_id)
        );
        """;

    /// <summary>Creates the tables, waiting up to a minute for PostgreSQL when the service starts before it.</summary>
    public Task StartAsync(CancellationToken cancellationToken) =>
        PostgresStartup.RunWhenReachableAsync(InitializeAsync, logger, cancellationToken);

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await AdvisoryLock.TakeAsync(connection, SchemaLockKey, cancellationToken);
        await using (var command = new NpgsqlCommand(Ddl + ScoreDocumentsSchema.Ddl, connection))
            await command.ExecuteNonQueryAsync(cancellationToken);
        await MigrateVersionTablesAsync(connection, transaction, cancellationToken);
        var backfilled = await ScoreDocumentBackfill.RunAsync(connection, transaction, cancellationToken);
        if (backfilled > 0)
            logger.LogInformation("Keyword documents made for {Count} scores indexed before keyword search", backfilled);
        await transaction.CommitAsync(cancellationToken);
        // The vector type was just created in a fresh database: let every pooled connection learn its OID.
        await connection.ReloadTypesAsync(cancellationToken);
        logger.LogInformation("Vector store schema is ready");
    }

    /// <summary>Every version table (of every state) gets what later releases added (<see cref="VersionTableDdl.MigrationSql"/>).</summary>
    private static async Task MigrateVersionTablesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM model_versions WHERE to_regclass(table_name) IS NOT NULL", connection, transaction))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                tables.Add(reader.GetString(0));
        if (tables.Count == 0) return;
        await using var migrate = new NpgsqlCommand(string.Concat(tables.Select(VersionTableDdl.MigrationSql)), connection, transaction);
        await migrate.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
