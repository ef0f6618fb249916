using System.Text.Json.Serialization;

namespace Clamp.Testing;

/// <summary>One queue as the RabbitMQ management API reports it, with the totals the queue itself holds.</summary>
public sealed record QueueInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("messages")] long Messages,
    [property: JsonPropertyName("messages_ready")] long MessagesReady)
{
    /// <summary>"classic" or "quorum".</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }
}
