using System.ComponentModel.DataAnnotations;

namespace Clamp.Ingest.Outbox;

/// <summary>The outbox relay's timing, bound from "Ingest:Outbox".</summary>
public sealed class OutboxOptions
{
    public const string Section = "Ingest:Outbox";

    /// <summary>How often the relay looks for unsent messages when nobody wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages published per round (one transaction).</summary>
    [Range(1, 10_000)] public int BatchSize { get; set; } = 100;

    /// <summary>How long one publish (with its broker confirmation) may take before the round is abandoned.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait after a failed round; doubles up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sent messages are deleted after this long.</summary>
    public TimeSpan RetainSent { get; set; } = TimeSpan.FromDays(1);
}
