using System.ComponentModel.DataAnnotations;

namespace Clamp.Ingest.Reindex;

/// <summary>How re-indexing jobs run, bound from "Ingest:Reindex".</summary>
public sealed class ReindexOptions
{
    public const string Section = "Ingest:Reindex";

    /// <summary>Scores announced per step (one transaction, one progress message) at most.</summary>
    [Range(1, 10_000)] public int PageSize { get; set; } = 200;

    /// <summary>Score content (bytes) one step reads at most: a page ends before the score that would pass it, and
    /// always holds at least one score.</summary>
    [Range(1, int.MaxValue)] public int MaxPageBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>How often the worker looks for running jobs when idle.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
