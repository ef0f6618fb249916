using System.Text;
using Clamp.Ingest.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Clamp.Ingest.Outbox;

/// <summary>
/// Adds a message to ingest.outbox inside the caller's transaction, so the message exists exactly when the
/// rows it announces do. The relay publishes it after commit.
/// </summary>
internal sealed class OutboxWriter(OutboxSignal signal)
{
    public async Task AddAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, T message, CancellationToken ct)
        where T : class
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO ingest.outbox (message_id, message_type, payload, payload_bytes) VALUES ($1, $2, $3, $4)", connection, transaction);
        var payload = JsonColumns.Write(message);
        command.Parameters.AddWithValue(Guid.CreateVersion7());
        command.Parameters.AddWithValue(OutboxMessageTypes.NameOf(typeof(T)));
        command.Parameters.AddWithValue(NpgsqlDbType.Jsonb, payload);
        command.Parameters.AddWithValue(Encoding.UTF8.GetByteCount(payload));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Wakes the relay once the transaction that added messages has committed.</summary>
    public void Committed() => signal.Notify();
}
