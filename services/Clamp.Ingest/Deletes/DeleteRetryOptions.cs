using System.ComponentModel.DataAnnotations;

namespace Clamp.Ingest.Deletes;

/// <summary>How a deletion the vector store gave up on is announced again, bound from "Ingest:DeleteRetry".</summary>
public sealed class DeleteRetryOptions
{
    public const string Section = "Ingest:DeleteRetry";

    /// <summary>Times the vector store may give up on one deletion; the last makes the deletion "failed" for good
    /// (logged, counted, kept in ingest.failed_deletes for an operator).</summary>
    [Range(1, 100)] public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the first new announcement; each later one waits twice as long, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the worker looks for deletions due to be announced again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A deletion announced again and not given up on since is forgotten after this long.</summary>
    public TimeSpan Retain { get; set; } = TimeSpan.FromDays(7);
}
