namespace Clamp.Testing;

/// <summary>A RabbitMQ broker the tests may use, with its management API (for virtual hosts and queue inspection).</summary>
public sealed record RabbitMqEndpoint(string Host, int Port, string Username, string Password, Uri ManagementUri)
{
    /// <summary>Parses "amqp://user:pass@host:port/" plus the management API address.</summary>
    public static RabbitMqEndpoint Parse(string amqpUri, string managementUri)
    {
        var uri = new Uri(amqpUri);
        var credentials = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
        return new RabbitMqEndpoint(
            uri.Host,
            uri.IsDefaultPort ? 5672 : uri.Port,
            credentials.ElementAtOrDefault(0) is { Length: > 0 } user ? user : "guest",
            credentials.ElementAtOrDefault(1) ?? "guest",
            new Uri(managementUri));
    }
}
