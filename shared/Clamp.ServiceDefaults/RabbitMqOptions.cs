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
}
