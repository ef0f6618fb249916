using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace Clamp.Ingest.Deletes;

/// <summary>Announces again, through the outbox, the deletions the vector store gave up on once their wait is over;
/// waits and retries when the database is away.</summary>
internal sealed partial class DeleteRetryWorker(
    FailedDeleteRepository deletes, IOptions<DeleteRetryOptions> options, TimeProvider clock, IMeterFactory meters, ILogger<DeleteRetryWorker> logger)
    : BackgroundService
{
    private const int BatchSize = 100;
    private readonly Counter<long> _announced = meters.Create(IngestMeter.Name).CreateCounter<long>(
        "clamp.ingest.deletes.announced_again", "{deletion}", "Deletions announced again after the vector store gave up on them");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var announced = await deletes.AnnounceDueAsync(BatchSize, settings, stoppingToken);
                _announced.Add(announced);
                if (announced == BatchSize)
                    continue;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogStepFailed(ex);
            }
            await Task.Delay(settings.PollInterval, clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcing failed deletions again failed; retrying at the next poll")]
    private partial void LogStepFailed(Exception exception);
}
