using System.Diagnostics.Metrics;
using Clamp.Contracts.Messages;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Clamp.Ingest.Deletes;

/// <summary>
/// The vector store gave up on a deletion after its retries (the message is in its "_error" queue and MassTransit
/// published <c>Fault&lt;ScoreDeleted&gt;</c>). Without this the score would stay searchable with nobody told: the
/// deletion is recorded and announced again later (<see cref="DeleteRetryWorker"/>), and after
/// <see cref="DeleteRetryOptions.MaxAttempts"/> failures it is marked failed for good, logged as an error and counted.
/// </summary>
internal sealed partial class ScoreDeleteFaultConsumer(
    FailedDeleteRepository deletes, IOptions<DeleteRetryOptions> options, IMeterFactory meters, ILogger<ScoreDeleteFaultConsumer> logger)
    : IConsumer<Fault<ScoreDeleted>>
{
    private readonly Counter<long> _failures = meters.Create(IngestMeter.Name).CreateCounter<long>(
        "clamp.ingest.deletes.failed", "{deletion}", "Deletions the vector store gave up on, by outcome (retrying, given_up)");

    public async Task Consume(ConsumeContext<Fault<ScoreDeleted>> context)
    {
        var scoreId = context.Message.Message.ScoreId;
        var exception = context.Message.Exceptions.FirstOrDefault();
        var error = exception is null ? "The vector store gave up on the deletion." : $"{exception.ExceptionType}: {exception.Message}";
        var (failures, givenUp) = await deletes.RecordFailureAsync(scoreId, error, options.Value, context.CancellationToken);
        _failures.Add(1, new KeyValuePair<string, object?>("outcome", givenUp ? "given_up" : "retrying"));
        if (givenUp)
            LogGivenUp(scoreId, failures, error);
        else
            LogRetrying(scoreId, failures, error);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The vector store could not delete score {ScoreId} ({Failures} failures so far: {Error}); the deletion will be announced again")]
    private partial void LogRetrying(Guid scoreId, int failures, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The vector store could not delete score {ScoreId} after {Failures} attempts ({Error}); it may still be searchable: see ingest.failed_deletes")]
    private partial void LogGivenUp(Guid scoreId, int failures, string error);
}
