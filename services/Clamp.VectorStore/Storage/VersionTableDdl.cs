using Clamp.Contracts.Messages;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Clamp.VectorStore.Storage;

/// <summary>DDL of one model version's table and its HNSW index.</summary>
public sealed class VersionTableDdl(IOptions<VectorStoreOptions> options)
{
    /// <summary>
    /// Brings a table created by an earlier release up to date: the tenant column (its rows, stored before tenancy,
    /// belong to the default tenant) and its index. Idempotent; adding a column with a constant default rewrites nothing.
    /// </summary>
    public static string MigrationSql(string table) => $"""
        ALTER TABLE {table} ADD COLUMN IF NOT EXISTS tenant text NOT NULL DEFAULT '{Tenants.Default}';
        {TenantIndexSql(table)}
        """;

    /// <summary>
    /// Every search filters by tenant: with this index (and the table's statistics) the planner reads a small tenant's
    /// rows directly and sorts them exactly, rather than walking the HNSW graph past everyone else's, which an iterative
    /// scan would give up on before finding enough of them (<c>hnsw.max_scan_tuples</c>).
    /// </summary>
    private static string TenantIndexSql(string table) => $"CREATE INDEX IF NOT EXISTS {table}_tenant ON {table} (tenant);";

    public async Task CreateTableAsync(NpgsqlConnection connection, string table, int dimension, bool withIndex, CancellationToken cancellationToken)
    {
        var sql = $$"""
            CREATE TABLE IF NOT EXISTS {{table}} (
                score_id     uuid PRIMARY KEY,
                content_hash text NOT NULL,
                embedding    vector({{dimension}}) NOT NULL,
                collection   text,
                key          text,
                meter        text,
                type         text,
                tags         text[] NOT NULL DEFAULT '{}',
                title        text,
                composer     text,
                tenant       text NOT NULL DEFAULT '{{Tenants.Default}}',
                updated_at   timestamptz NOT NULL DEFAULT now()
            );
            {{TenantIndexSql(table)}}
            """;
        await using (var command = new NpgsqlCommand(sql, connection))
            await command.ExecuteNonQueryAsync(cancellationToken);
        if (withIndex)
            await CreateIndexAsync(connection, table, cancellationToken);
    }

    /// <summary>
    /// Builds the HNSW index (after a bulk load, so the graph is built once rather than row by row).
    /// The build gets <see cref="VectorStoreOptions.IndexBuildMemory"/> so the graph fits in memory.
    /// </summary>
    public async Task CreateIndexAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        var o = options.Value;
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT set_config('maintenance_work_mem', $1, false)")
                {
                    Parameters = { new NpgsqlParameter<string> { TypedValue = o.IndexBuildMemory } },
                },
                new NpgsqlBatchCommand(
                    $"CREATE INDEX IF NOT EXISTS {table}_hnsw ON {table} USING hnsw (embedding {o.Distance.OperatorClass()}) " +
                    $"WITH (m = {o.HnswM}, ef_construction = {o.HnswEfConstruction})"),
                new NpgsqlBatchCommand("RESET maintenance_work_mem"),
            },
        };
        batch.Timeout = 0;
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
