using Clamp.VectorStore.Storage;
using Npgsql;

namespace Clamp.VectorStore.Versions;

/// <summary>
/// Switches searches to a newly built model version once it is complete: every stored score (the re-index
/// job's total) is indexed or failed with a reason. The HNSW index is built first (after the bulk load);
/// then, in one transaction, the old serving version is retired and the new one serves.
/// </summary>
public sealed class VersionPromoter(
    NpgsqlDataSource dataSource,
    ModelVersionRepository versions,
    VersionTableDdl tableDdl,
    ILogger<VersionPromoter> logger)
{
    /// <returns>True when the version serves after this call.</returns>
    public async Task<bool> TryPromoteAsync(string modelVersion, CancellationToken cancellationToken)
    {
        var version = await versions.FindAsync(modelVersion, cancellationToken);
        if (version is null) return false;
        if (version.IsServing) return true;
        if (version.State != ModelVersionStates.Building || !version.IsComplete) return false;

        if (!version.IndexBuilt)
        {
            logger.LogInformation("Building the HNSW index of model version {ModelVersion} ({Indexed} scores)",
                version.ModelVersion, version.Indexed);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await tableDdl.CreateIndexAsync(connection, version.TableName, cancellationToken);
            await using var mark = new NpgsqlCommand("UPDATE model_versions SET index_built = true WHERE model_version = $1", connection);
            mark.Parameters.Add(new NpgsqlParameter<string> { TypedValue = version.ModelVersion });
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await AdvisoryLock.TakeAsync(connection, SchemaInitializer.SchemaLockKey, cancellationToken);
            await using var swap = new NpgsqlCommand("""
                WITH target AS (
                    SELECT v.model_version FROM model_versions v JOIN reindex_targets t USING (model_version)
                    WHERE v.model_version = $1 AND v.state = 'building' AND v.index_built AND v.indexed + v.failed >= t.total),
                retired AS (
                    UPDATE model_versions SET state = 'retired'
                    WHERE state = 'serving' AND EXISTS (SELECT 1 FROM target) RETURNING model_version)
                SELECT (SELECT count(*) FROM target), (SELECT string_agg(model_version, ',') FROM retired)
                """, connection);
            swap.Parameters.Add(new NpgsqlParameter<string> { TypedValue = version.ModelVersion });
            string? retired;
            await using (var reader = await swap.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                if (reader.GetInt64(0) == 0) return false;
                retired = reader.IsDBNull(1) ? null : reader.GetString(1);
            }
            // A separate statement: the partial unique index allows one serving row, and it must see the retirement.
            await using var serve = new NpgsqlCommand(
                "UPDATE model_versions SET state = 'serving', completed_at = now() WHERE model_version = $1", connection);
            serve.Parameters.Add(new NpgsqlParameter<string> { TypedValue = version.ModelVersion });
            await serve.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Model version {ModelVersion} now serves searches; retired {Retired}",
                version.ModelVersion, retired ?? "none");
        }
        return true;
    }
}
