using System.ComponentModel.DataAnnotations;

namespace Clamp.Ingest.Outbox;

/// <summary>The outbox relay's timing and limits, bound from "Ingest:Outbox".</summary>
public sealed class OutboxOptions
{
    public const string Section = "Ingest:Outbox";

    /// <summary>How often the relay looks for unsent messages when nobody wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages published per round (one transaction).</summary>
    [Range(1, 10_000)] public int BatchSize { get; set; } = 100;

    /// <summary>Payload bytes (mostly score content) one round holds at most: a round takes the oldest messages that
    /// fit, and always at least one.</summary>
    [Range(1, int.MaxValue)] public int MaxBatchBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Rounds in which the broker refuses a message while it takes the others, after which the message is
    /// set aside (ingest.outbox.undeliverable) and no longer retried.</summary>
    [Range(1, 1_000)] public int MaxAttempts { get; set; } = 10;

    /// <summary>How long one publish (with its broker confirmation) may take before the round is abandoned.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait after a failed round; doubles up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sent messages are deleted after this long.</summary>
    public TimeSpan RetainSent { get; set; } = TimeSpan.FromDays(1);
}
