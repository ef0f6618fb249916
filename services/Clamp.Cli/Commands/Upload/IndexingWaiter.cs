using System.Diagnostics;
using Clamp.Client;

namespace Clamp.Cli.Commands.Upload;

/// <summary>
/// Polls the ingest status of uploaded scores (every second) until each is indexed or failed, or the time is up: a
/// score still pending then is failed with "not indexed within …". Prints a line of progress on stderr each round.
/// </summary>
public sealed class IndexingWaiter(ClampIngestClient ingest, TextWriter progress)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public async Task<IReadOnlyList<UploadOutcome>> WaitAsync(IReadOnlyList<UploadOutcome> uploaded, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var statuses = uploaded.Where(o => o.Id is not null).Select(o => o.Id!.Value).Distinct().ToDictionary(id => id, _ => new ScoreStatus(UploadOutcome.Uploaded, null));
        var clock = Stopwatch.StartNew();
        while (true)
        {
            foreach (var id in statuses.Where(s => !s.Value.IsFinal).Select(s => s.Key).ToList())
                statuses[id] = await ingest.GetStatusAsync(id, cancellationToken);

            var pending = statuses.Values.Count(s => !s.IsFinal);
            progress.WriteLine($"waiting: {statuses.Values.Count(s => s.Status == ScoreStatus.Indexed)} indexed, " +
                               $"{statuses.Values.Count(s => s.Status == ScoreStatus.Failed)} failed, {pending} pending ({clock.Elapsed.TotalSeconds:0} s)");
            if (pending == 0 || clock.Elapsed >= timeout)
                break;
            await Task.Delay(PollInterval, cancellationToken);
        }

        return uploaded.Select(o => o.Id is { } id ? Settle(o, statuses[id], timeout) : o).ToList();
    }

    private static UploadOutcome Settle(UploadOutcome outcome, ScoreStatus status, TimeSpan timeout) => status switch
    {
        { Status: ScoreStatus.Indexed } => outcome with { Status = status.Status },
        { Status: ScoreStatus.Failed } => outcome with { Status = status.Status, Reason = status.FailureReason ?? "failed" },
        _ => outcome with { Status = status.Status, Reason = $"not indexed within {timeout.TotalSeconds:0} s (still {status.Status})" },
    };
}
