using Clamp.Contracts.Messages;
using Clamp.Ingest.Outbox;
using Npgsql;

namespace Clamp.Ingest.Deletes;

/// <summary>
/// Deletions the vector store gave up on, in ingest.failed_deletes: "waiting" to be announced again at
/// next_attempt_at, "announced" again (no news since is good news), or "failed" after
/// <see cref="DeleteRetryOptions.MaxAttempts"/> failures (announced no more; an operator's turn: docs/operations.md).
/// </summary>
internal sealed class FailedDeleteRepository(NpgsqlDataSource dataSource, OutboxWriter outbox)
{
    public const string Waiting = "waiting";
    public const string Announced = "announced";
    public const string Failed = "failed";

    /// <summary>Records one more failure of a deletion (the next announcement waits
    /// <see cref="DeleteRetryOptions.FirstDelay"/>, doubled after each failure up to <see cref="DeleteRetryOptions.MaxDelay"/>); returns how many it has had and whether it is now failed for good.</summary>
    public async Task<(int Failures, bool GivenUp)> RecordFailureAsync(Guid scoreId, string error, DeleteRetryOptions settings, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO ingest.failed_deletes AS d (score_id, status, failures, last_error, next_attempt_at)
            VALUES ($1, CASE WHEN $3 <= 1 THEN '{Failed}' ELSE '{Waiting}' END, 1, $2, now() + $4)
            ON CONFLICT (score_id) DO UPDATE SET
                failures = d.failures + 1,
                status = CASE WHEN d.failures + 1 >= $3 THEN '{Failed}' ELSE '{Waiting}' END,
                next_attempt_at = now() + least($4 * power(2, least(d.failures, 20))::int, $5),
                last_error = $2, updated_at = now()
            WHERE d.status <> '{Failed}'
            RETURNING failures, status = '{Failed}'
            """);
        command.Parameters.AddWithValue(scoreId);
        command.Parameters.AddWithValue(error);
        command.Parameters.AddWithValue(settings.MaxAttempts);
        command.Parameters.AddWithValue(settings.FirstDelay);
        command.Parameters.AddWithValue(settings.MaxDelay);
        await using var reader = await command.ExecuteReaderAsync(ct);
        // A failure after the deletion was given up on changes nothing.
        return await reader.ReadAsync(ct) ? (reader.GetInt32(0), reader.GetBoolean(1)) : (settings.MaxAttempts, true);
    }

    /// <summary>Announces the deletions that are due again (through the outbox, in the same transaction); returns how many.</summary>
    public async Task<int> AnnounceDueAsync(int limit, DeleteRetryOptions settings, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var due = new List<Guid>();
        await using (var command = new NpgsqlCommand($"""
            SELECT score_id FROM ingest.failed_deletes
            WHERE status = '{Waiting}' AND next_attempt_at <= now()
            ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED
            """, connection, transaction))
        {
            command.Parameters.AddWithValue(limit);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                due.Add(reader.GetGuid(0));
        }
        foreach (var scoreId in due)
            await outbox.AddAsync(connection, transaction, new ScoreDeleted { ScoreId = scoreId }, ct);
        await using (var announce = new NpgsqlCommand(
            $"UPDATE ingest.failed_deletes SET status = '{Announced}', updated_at = now() WHERE score_id = ANY($1)", connection, transaction))
        {
            announce.Parameters.AddWithValue(due.ToArray());
            await announce.ExecuteNonQueryAsync(ct);
        }
        await using (var forget = new NpgsqlCommand(
            $"DELETE FROM ingest.failed_deletes WHERE status = '{Announced}' AND updated_at < now() - $1", connection, transaction))
        {
            forget.Parameters.AddWithValue(settings.Retain);
            await forget.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        if (due.Count > 0)
            outbox.Committed();
        return due.Count;
    }
}
