using Clamp.Contracts.Messages;
using Clamp.Ingest.Outbox;
using Npgsql;
using NpgsqlTypes;

namespace Clamp.Ingest.Storage;

/// <summary>
/// Moves scores along the pipeline from the messages of later stages. Every update only raises the status
/// rank (see <see cref="ScoreStatus"/>), so a message delivered twice, late or out of order changes nothing.
/// </summary>
internal sealed class ScoreStatusRepository(NpgsqlDataSource dataSource, OutboxWriter outbox)
{
    /// <summary>
    /// Records the patches. Also clears a failure that was only "patching gave up after its retries"
    /// (<see cref="Status.PipelineFaultConsumer"/>): a ScorePatched for the score proves that a redriven message
    /// went through after all.
    /// </summary>
    public async Task PatchedAsync(Guid id, int patchCount, ScoreMetadata metadata, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE ingest.scores
            SET status = $2, status_rank = $3, patch_count = $4, metadata = $5, updated_at = now(),
                failure_stage = NULL, failure_code = NULL, failure_reason = NULL
            WHERE id = $1 AND (status_rank < $3
                OR (failure_stage = '{nameof(PipelineStage.Patching)}' AND failure_code = '{Status.PipelineFaultConsumer.Code}'))
            """);
        AddStatus(command, id, ScoreStatus.Patched);
        command.Parameters.AddWithValue(patchCount);
        command.Parameters.AddWithValue(NpgsqlDbType.Jsonb, JsonColumns.Write(metadata));
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task FailedAsync(Guid id, PipelineStage stage, string code, string reason, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE ingest.scores
            SET status = $2, status_rank = $3, failure_stage = $4, failure_code = $5, failure_reason = $6, updated_at = now()
            WHERE id = $1 AND status_rank < $3
            """);
        AddStatus(command, id, ScoreStatus.Failed);
        command.Parameters.AddWithValue(stage.ToString());
        command.Parameters.AddWithValue(code);
        command.Parameters.AddWithValue(reason);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Records that a model version indexed the score. A score that no longer exists was deleted while it was
    /// in the pipeline: <see cref="ScoreDeleted"/> is announced again so the vector store drops it.
    /// </summary>
    public async Task IndexedAsync(Guid id, string modelVersion, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand("""
            UPDATE ingest.scores
            SET status = $2, status_rank = $3,
                indexed_versions = CASE WHEN $4 = ANY(indexed_versions) THEN indexed_versions
                                        ELSE array_append(indexed_versions, $4) END,
                updated_at = now()
            WHERE id = $1 AND (status_rank < $3 OR NOT $4 = ANY(indexed_versions))
            """, connection, transaction);
        AddStatus(command, id, ScoreStatus.Indexed);
        command.Parameters.AddWithValue(modelVersion);
        if (await command.ExecuteNonQueryAsync(ct) == 0 && !await ExistsAsync(connection, transaction, id, ct))
            await outbox.AddAsync(connection, transaction, new ScoreDeleted { ScoreId = id }, ct);
        await transaction.CommitAsync(ct);
        outbox.Committed();
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM ingest.scores WHERE id = $1)", connection, transaction);
        command.Parameters.AddWithValue(id);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static void AddStatus(NpgsqlCommand command, Guid id, ScoreStatus status)
    {
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(status.Name());
        command.Parameters.AddWithValue((int)status);
    }
}
