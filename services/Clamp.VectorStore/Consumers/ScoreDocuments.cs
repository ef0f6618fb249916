using Clamp.Contracts.Messages;
using Clamp.VectorStore.Keywords;

namespace Clamp.VectorStore.Consumers;

internal static class ScoreDocuments
{
    /// <summary>The keyword document of an embedded score: its metadata's searchable text fields.</summary>
    public static ScoreDocument From(ScoreEmbedded message)
    {
        var m = message.Metadata;
        return new ScoreDocument(message.ScoreId, m.Title, m.AlternativeTitles, m.Composer, m.Lyricist, m.Arranger,
            m.Collection, m.Tags, m.Type, m.Origin, m.Notes, m.Lyrics, Tenants.OrDefault(message.Tenant));
    }
}
