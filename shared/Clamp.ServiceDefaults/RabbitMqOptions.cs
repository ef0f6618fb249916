using System.ComponentModel.DataAnnotations;

namespace Clamp.ServiceDefaults;

/// <summary>Where the RabbitMQ broker is. Bound from the "RabbitMq" configuration section
/// (environment: RabbitMq__Host, RabbitMq__Port …). The guest/guest defaults are refused outside Development
/// (<see cref="DefaultSecrets"/>).</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    [Required] public string Host { get; set; } = "127.0.0.1";
    [Range(1, 65535)] public int Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    [Required] public string Username { get; set; } = "guest";
    [Required] public string Password { get; set; } = "guest";
    /// <summary>Messages fetched ahead per consumer (0 = MassTransit's default).</summary>
    public int PrefetchCount { get; set; }
    /// <summary>Prefix of this service's queue names; the last part of the application name when empty.</summary>
    public string? QueuePrefix { get; set; }
    /// <summary>
    /// Deliveries of one message after which the broker moves it to its queue's "_error" queue instead of delivering
    /// it again: a message that crashes its consumer's process (or is held when the process is killed) every time.
    /// Consumer queues are then quorum queues (x-delivery-limit, dead-lettered to "&lt;queue&gt;_error"). 0 keeps classic
    /// queues without a limit (for a broker whose queues were declared classic and are not migrated yet:
    /// docs/operations.md).
    /// </summary>
    [Range(0, 1_000)] public int DeliveryLimit { get; set; } = 10;
}
