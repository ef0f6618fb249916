using Clamp.Contracts.Messages;

namespace Clamp.Ingest.Outbox;

/// <summary>The message types the outbox may carry, by the name stored in ingest.outbox.message_type.
/// Only these are ever deserialised from the table.</summary>
internal static class OutboxMessageTypes
{
    private static readonly Dictionary<string, Type> ByName = new[]
    {
        typeof(ScoreIngested), typeof(ScoreDeleted), typeof(ReindexProgress),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public static string NameOf(Type type) =>
        ByName.ContainsKey(type.Name) ? type.Name
            : throw new ArgumentException($"{type.Name} is not a message type the outbox carries.", nameof(type));

    public static Type Resolve(string name) =>
        ByName.TryGetValue(name, out var type) ? type
            : throw new UndeliverableOutboxMessageException($"The outbox holds a message of unknown type '{name}'.");
}

/// <summary>An outbox row that can never be published (its type is unknown or its payload unreadable).</summary>
internal sealed class UndeliverableOutboxMessageException(string message, Exception? inner = null) : Exception(message, inner);
