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
/// A round holds at most <see cref="OutboxOptions.BatchSize"/> messages and <see cref="OutboxOptions.MaxBatchBytes"/>
/// of payload (<see cref="OutboxClaim"/>). A message the broker refuses while it takes the others of the same round is
/// set aside after <see cref="OutboxOptions.MaxAttempts"/> such rounds (logged, counted in
/// <c>clamp.ingest.outbox.set_aside</c>, and its score marked failed), so one poison message cannot hold the relay in
/// backoff for ever; failures while the broker takes nothing (an outage) use up no attempts.
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
    private readonly Counter<long> _published = meters.Create(IngestMeter.Name).CreateCounter<long>("clamp.ingest.outbox.published");
    private readonly Counter<long> _setAside = meters.Create(IngestMeter.Name).CreateCounter<long>(
        "clamp.ingest.outbox.set_aside", "{message}", "Outbox messages set aside for good, by reason (undeliverable, attempts)");

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
        var pending = await OutboxClaim.ClaimAsync(connection, transaction, settings.BatchSize, settings.MaxBatchBytes, ct);
        // The batch is published concurrently (each publish waits for its broker confirmation): messages of
        // one batch may arrive in any order, which every consumer tolerates.
        var outcomes = await Task.WhenAll(pending.Select(row => TryPublishAsync(row, settings.PublishTimeout, ct)));
        var sent = pending.Zip(outcomes).Where(outcome => outcome.Second is null).Select(outcome => outcome.First.Id).ToList();
        Exception? failure = null;
        foreach (var (row, error) in pending.Zip(outcomes))
        {
            switch (error)
            {
                case null:
                    break;
                case UndeliverableOutboxMessageException undeliverable:
                    await SetAsideAsync(connection, transaction, row, undeliverable, "undeliverable", ct);
                    break;
                default:
                    var attempts = await OutboxRowStates.RecordFailureAsync(connection, transaction, row.Id, error.Message, counts: sent.Count > 0, ct);
                    if (attempts >= settings.MaxAttempts)
                        await SetAsideAsync(connection, transaction, row,
                            new UndeliverableOutboxMessageException($"The broker refused it {attempts} times while it took other messages: {error.Message}", error),
                            "attempts", ct);
                    else
                        failure ??= error;
                    break;
            }
        }
        await OutboxRowStates.MarkSentAsync(connection, transaction, sent, ct);
        await transaction.CommitAsync(ct);
        _published.Add(sent.Count);
        if (failure is not null)
            throw new OutboxPublishException($"Published {sent.Count} of {pending.Count} outbox messages.", failure);
        return sent.Count;
    }

    private async Task SetAsideAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OutboxRow row,
        UndeliverableOutboxMessageException reason, string why, CancellationToken ct)
    {
        await OutboxRowStates.SetAsideAsync(connection, transaction, row.Id, reason.Message, ct);
        _setAside.Add(1, new KeyValuePair<string, object?>("reason", why), new KeyValuePair<string, object?>("message_type", row.MessageType));
        LogSetAside(reason, row.Id, row.MessageType);
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

    private async Task DeleteSentAsync(TimeSpan retain, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM ingest.outbox WHERE sent_at < now() - $1");
        command.Parameters.AddWithValue(retain);
        await command.ExecuteNonQueryAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox round failed; retrying in {Backoff}")]
    private partial void LogRoundFailed(Exception exception, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} of type {Type} cannot be published and is set aside")]
    private partial void LogSetAside(Exception exception, long id, string type);
}

/// <summary>A relay round stopped at a message the broker did not take.</summary>
internal sealed class OutboxPublishException(string message, Exception inner) : Exception(message, inner);
