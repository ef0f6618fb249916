using Npgsql;

namespace Clamp.VectorStore.Storage;

/// <summary>Reads and changes <c>model_versions</c>: registration (with the version's table), counts and states.</summary>
public sealed class ModelVersionRepository(NpgsqlDataSource dataSource, VersionTableDdl tableDdl)
{
    private const string SelectVersions = """
        SELECT v.model_id, v.model_version, v.dim, v.table_name, v.state, v.indexed, v.failed, t.total,
               v.index_built, v.created_at, v.completed_at
        FROM model_versions v LEFT JOIN reindex_targets t USING (model_version)
        """;

    public async Task<IReadOnlyList<ModelVersionRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"{SelectVersions} ORDER BY v.created_at, v.model_version");
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<ModelVersionRecord?> FindAsync(string modelVersion, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"{SelectVersions} WHERE v.model_version = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = modelVersion });
        var rows = await ReadAsync(command, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// Registers a model version and creates its table, unless it exists. The first version ever becomes serving
    /// at once (with its HNSW index, filled as scores arrive); later ones are built in the background and get their
    /// index after the bulk load (<see cref="VersionPromoter"/>).
    /// </summary>
    /// <returns>The version as registered, which callers compare with what they expected (model id, dimension).</returns>
    public async Task<ModelVersionRecord> EnsureAsync(string modelId, string modelVersion, int dimension, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(modelVersion, cancellationToken);
        if (existing is null)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await AdvisoryLock.TakeAsync(connection, SchemaInitializer.SchemaLockKey, cancellationToken);
            await using var insert = new NpgsqlCommand("""
                INSERT INTO model_versions (model_version, model_id, dim, table_name, state, index_built)
                SELECT $1, $2, $3, $4, s.state, s.state = 'serving'
                FROM (SELECT CASE WHEN EXISTS (SELECT 1 FROM model_versions WHERE state = 'serving')
                                  THEN 'building' ELSE 'serving' END AS state) s
                ON CONFLICT (model_version) DO NOTHING
                RETURNING index_built
                """, connection);
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = modelVersion });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = modelId });
            insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = dimension });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = VersionTableName.For(modelVersion) });
            if (await insert.ExecuteScalarAsync(cancellationToken) is bool serving)
                await tableDdl.CreateTableAsync(connection, VersionTableName.For(modelVersion), dimension, withIndex: serving, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            existing = await FindAsync(modelVersion, cancellationToken)
                ?? throw new InvalidOperationException($"Model version '{modelVersion}' vanished after registration.");
        }

        return existing;
    }

    /// <summary>Records the number of stored scores a re-index of this version must reach (the latest job's count wins).</summary>
    public async Task SetTargetAsync(string modelVersion, long total, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO reindex_targets (model_version, total) VALUES ($1, $2)
            ON CONFLICT (model_version) DO UPDATE SET total = EXCLUDED.total, updated_at = now()
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = modelVersion });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = total });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Records that a score cannot be indexed for a version (idempotent: counted once per score).</summary>
    public async Task RecordFailureAsync(string modelVersion, Guid scoreId, string code, string reason, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH inserted AS (
                INSERT INTO index_failures (model_version, score_id, code, reason) VALUES ($1, $2, $3, $4)
                ON CONFLICT DO NOTHING RETURNING 1)
            UPDATE model_versions SET failed = failed + (SELECT count(*) FROM inserted) WHERE model_version = $1
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = modelVersion });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = scoreId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = code });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reason });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<ModelVersionRecord>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<ModelVersionRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ModelVersionRecord(
                ModelId: reader.GetString(0),
                ModelVersion: reader.GetString(1),
                Dimension: reader.GetInt32(2),
                TableName: reader.GetString(3),
                State: reader.GetString(4),
                Indexed: reader.GetInt64(5),
                Failed: reader.GetInt64(6),
                Total: reader.IsDBNull(7) ? null : reader.GetInt64(7),
                IndexBuilt: reader.GetBoolean(8),
                CreatedAt: reader.GetFieldValue<DateTimeOffset>(9),
                CompletedAt: reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10)));
        }
        return rows;
    }
}
