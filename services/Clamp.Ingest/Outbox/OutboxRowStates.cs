using Clamp.Contracts.Messages;
using Clamp.Ingest.Storage;
using Npgsql;

namespace Clamp.Ingest.Outbox;

/// <summary>What a relay round writes back to its claimed rows: sent, one more failed attempt, or set aside.</summary>
internal static class OutboxRowStates
{
    /// <summary>The failure code of a score whose <see cref="ScoreIngested"/> was set aside: it will not be processed.</summary>
    public const string SetAsideCode = "outbox.undeliverable";

    public static Task MarkSentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<long> ids, CancellationToken ct) =>
        ids.Count == 0 ? Task.CompletedTask
            : ExecuteAsync(connection, transaction, "UPDATE ingest.outbox SET sent_at = now() WHERE id = ANY($1)", ct, ids.ToArray());

    /// <summary>Keeps the error; counts it as an attempt only when <paramref name="counts"/> (the broker took other
    /// messages of the same round, so the failure is this message's own). Returns the attempts so far.</summary>
    public static async Task<int> RecordFailureAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long id, string error, bool counts, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE ingest.outbox SET attempts = attempts + CASE WHEN $3 THEN 1 ELSE 0 END, last_error = $2 WHERE id = $1 RETURNING attempts",
            connection, transaction);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(error);
        command.Parameters.AddWithValue(counts);
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Sets a message aside for good (it is no longer claimed) with the reason. When it announced a score's upload,
    /// the score is marked failed (stage Ingest, <see cref="SetAsideCode"/>) so that its status says it will go no
    /// further instead of staying "received".
    /// </summary>
    public static async Task SetAsideAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, string reason, CancellationToken ct)
    {
        await ExecuteAsync(connection, transaction, "UPDATE ingest.outbox SET undeliverable = true, last_error = $2 WHERE id = $1", ct, id, reason);
        await ExecuteAsync(connection, transaction, $$"""
            UPDATE ingest.scores s
            SET status = '{{ScoreStatus.Failed.Name()}}', status_rank = {{(int)ScoreStatus.Failed}}, failure_stage = '{{nameof(PipelineStage.Ingest)}}',
                failure_code = '{{SetAsideCode}}', failure_reason = $2, updated_at = now()
            FROM ingest.outbox o
            WHERE o.id = $1 AND o.message_type = '{{nameof(ScoreIngested)}}'
              AND o.payload->>'scoreId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
              AND s.id = (o.payload->>'scoreId')::uuid AND s.status_rank < {{(int)ScoreStatus.Failed}}
            """, ct, id, $"The score's announcement could not be published: {reason}");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
            command.Parameters.AddWithValue(value);
        await command.ExecuteNonQueryAsync(ct);
    }
}
