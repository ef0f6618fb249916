using Microsoft.Extensions.Options;
using Npgsql;

namespace Clamp.VectorStore.Storage;

/// <summary>DDL of one model version's table and its HNSW index.</summary>
public sealed class VersionTableDdl(IOptions<VectorStoreOptions> options)
{
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
                updated_at   timestamptz NOT NULL DEFAULT now()
            );
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
