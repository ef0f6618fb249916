using Microsoft.Extensions.Options;

namespace Clamp.Ingest.Reindex;

/// <summary>Runs re-indexing jobs in the background, one page at a time; waits and retries when the database is away.</summary>
internal sealed partial class ReindexWorker(
    ReindexJobRepository jobs, IOptions<ReindexOptions> options, TimeProvider clock, ILogger<ReindexWorker> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var backoff = settings.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await jobs.AdvanceAsync(settings.PageSize, settings.MaxPageBytes, stoppingToken))
                    await Task.Delay(settings.PollInterval, clock, stoppingToken);
                backoff = settings.PollInterval;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogStepFailed(ex, backoff);
                await Task.Delay(backoff, clock, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-indexing step failed; retrying in {Backoff}")]
    private partial void LogStepFailed(Exception exception, TimeSpan backoff);
}
