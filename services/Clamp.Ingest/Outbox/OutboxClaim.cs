using Npgsql;

namespace Clamp.Ingest.Outbox;

/// <summary>One unsent outbox message, as claimed by the relay.</summary>
internal sealed record OutboxRow(long Id, Guid MessageId, string MessageType, string Payload);

/// <summary>
/// Claims the next batch of unsent messages for one relay round (FOR UPDATE SKIP LOCKED, so relays of several
/// instances share the work): the oldest ones, at most <c>maxMessages</c> of them and at most <c>maxBytes</c> of
/// payload together, so a round never holds more score content than that. The oldest message always goes, even
/// when it alone is larger (it is as large as one upload at most). Sizes come from ingest.outbox.payload_bytes,
/// written with the message, so choosing the batch reads no payload.
/// </summary>
internal static class OutboxClaim
{
    public static async Task<List<OutboxRow>> ClaimAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int maxMessages, long maxBytes, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            WITH claimed AS (
                SELECT id, payload_bytes FROM ingest.outbox
                WHERE sent_at IS NULL AND NOT undeliverable
                ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED),
            sized AS (
                SELECT id, sum(payload_bytes) OVER (ORDER BY id) AS running, row_number() OVER (ORDER BY id) AS position
                FROM claimed)
            SELECT o.id, o.message_id, o.message_type, o.payload::text
            FROM sized s JOIN ingest.outbox o ON o.id = s.id
            WHERE s.running <= $2 OR s.position = 1
            ORDER BY o.id
            """, connection, transaction);
        command.Parameters.AddWithValue(maxMessages);
        command.Parameters.AddWithValue(maxBytes);
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new OutboxRow(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3)));
        return rows;
    }
}
