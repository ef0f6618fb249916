using System.Diagnostics.Metrics;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Options;
using Clamp.Ingest.Storage;
using Npgsql;

namespace Clamp.Ingest.Outbox;

/// <summary>
/// Publishes committed outbox messages to RabbitMQ (with publisher confirmation) and marks them sent.
/// Rows are claimed with FOR UPDATE SKIP LOCKED, so several instances share the work. A broker or database
/// outage only delays messages: the round is abandoned and retried with exponential backoff. A message may be
/// published twice (a crash between the broker's confirmation and the commit); consumers are idempotent.
/// </summary>
internal sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    IMeterFactory meters,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan CleanupEvery = TimeSpan.FromMinutes(5);
    private readonly Counter<long> _published = meters.Create("Clamp.Ingest").CreateCounter<long>("clamp.ingest.outbox.published");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var backoff = settings.InitialBackoff;
        var lastCleanup = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await RelayOnceAsync(settings, stoppingToken);
                backoff = settings.InitialBackoff;
                if (clock.GetUtcNow() - lastCleanup > CleanupEvery)
                {
                    await DeleteSentAsync(settings.RetainSent, stoppingToken);
                    lastCleanup = clock.GetUtcNow();
                }
                if (published < settings.BatchSize)
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(ex, backoff);
                await Task.Delay(backoff, clock, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, settings.MaxBackoff.Ticks));
            }
        }
    }

    /// <summary>Publishes one batch; returns how many messages were published.</summary>
    internal async Task<int> RelayOnceAsync(OutboxOptions settings, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var pending = await ClaimAsync(connection, transaction, settings.BatchSize, ct);
        // The batch is published concurrently (each publish waits for its broker confirmation): messages of
        // one batch may arrive in any order, which every consumer tolerates.
        var outcomes = await Task.WhenAll(pending.Select(row => TryPublishAsync(row, settings.PublishTimeout, ct)));
        var sent = new List<long>(pending.Count);
        Exception? failure = null;
        foreach (var (row, error) in pending.Zip(outcomes))
        {
            switch (error)
            {
                case null:
                    sent.Add(row.Id);
                    break;
                case UndeliverableOutboxMessageException undeliverable:
                    await MarkUndeliverableAsync(connection, transaction, row.Id, undeliverable.Message, ct);
                    LogUndeliverable(undeliverable, row.Id, row.MessageType);
                    break;
                default:
                    await RecordAttemptAsync(connection, transaction, row.Id, error.Message, ct);
                    failure ??= error;
                    break;
            }
        }
        await MarkSentAsync(connection, transaction, sent, ct);
        await transaction.CommitAsync(ct);
        _published.Add(sent.Count);
        if (failure is not null)
            throw new OutboxPublishException($"Published {sent.Count} of {pending.Count} outbox messages.", failure);
        return sent.Count;
    }

    /// <summary>Publishes one message; returns why it was not published, or null.</summary>
    private async Task<Exception?> TryPublishAsync(OutboxRow row, TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            var type = OutboxMessageTypes.Resolve(row.MessageType);
            var message = Deserialize(row, type);
            using var publishTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            publishTimeout.CancelAfter(timeout);
            await bus.Publish(message, type, Pipe.Execute<PublishContext>(context => context.MessageId = row.MessageId), publishTimeout.Token);
            return null;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            return ex;
        }
    }

    private static object Deserialize(OutboxRow row, Type type)
    {
        try
        {
            return JsonSerializer.Deserialize(row.Payload, type, JsonColumns.Options)
                ?? throw new UndeliverableOutboxMessageException($"Outbox message {row.Id} is empty.");
        }
        catch (JsonException ex)
        {
            throw new UndeliverableOutboxMessageException($"Outbox message {row.Id} is not a valid {type.Name}: {ex.Message}", ex);
        }
    }

    private static async Task<List<OutboxRow>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int limit, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT id, message_id, message_type, payload::text FROM ingest.outbox
            WHERE sent_at IS NULL AND NOT undeliverable
            ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
            """, connection, transaction);
        command.Parameters.AddWithValue(limit);
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new OutboxRow(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3)));
        return rows;
    }

    private static Task MarkSentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<long> ids, CancellationToken ct) =>
        ids.Count == 0 ? Task.CompletedTask
            : ExecuteAsync(connection, transaction, "UPDATE ingest.outbox SET sent_at = now() WHERE id = ANY($1)", ct, ids.ToArray());

    private static Task RecordAttemptAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, string error, CancellationToken ct) =>
        ExecuteAsync(connection, transaction, "UPDATE ingest.outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1", ct, id, error);

    private static Task MarkUndeliverableAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, string error, CancellationToken ct) =>
        ExecuteAsync(connection, transaction, "UPDATE ingest.outbox SET undeliverable = true, last_error = $2 WHERE id = $1", ct, id, error);

    private async Task DeleteSentAsync(TimeSpan retain, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM ingest.outbox WHERE sent_at < now() - $1");
        command.Parameters.AddWithValue(retain);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
            command.Parameters.AddWithValue(value);
        await command.ExecuteNonQueryAsync(ct);
    }

    private sealed record OutboxRow(long Id, Guid MessageId, string MessageType, string Payload);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox round failed; retrying in {Backoff}")]
    private partial void LogRoundFailed(Exception exception, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} of type {Type} cannot be published and is set aside")]
    private partial void LogUndeliverable(Exception exception, long id, string type);
}

/// <summary>A relay round stopped at a message the broker did not take.</summary>
internal sealed class OutboxPublishException(string message, Exception inner) : Exception(message, inner);
