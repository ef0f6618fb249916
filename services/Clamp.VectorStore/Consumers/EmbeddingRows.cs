using Clamp.Contracts.Messages;
using Clamp.VectorStore.Storage;

namespace Clamp.VectorStore.Consumers;

internal static class EmbeddingRows
{
    public static EmbeddingRow From(ScoreEmbedded message) => new(
        message.ScoreId,
        message.ContentHash,
        message.Embedding,
        message.Metadata.Collection,
        message.Metadata.Key,
        message.Metadata.Meter,
        message.Metadata.Type,
        message.Metadata.Tags,
        message.Metadata.Title,
        message.Metadata.Composer,
        Tenants.OrDefault(message.Tenant));
}
