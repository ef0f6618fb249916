using System.Text.Json;
using System.Text.Json.Serialization;
using Clamp.Contracts.Messages;

namespace Clamp.Ingest.Storage;

/// <summary>How messages and metadata are written to, and read from, PostgreSQL jsonb columns.</summary>
internal static class JsonColumns
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static ScoreMetadata ReadMetadata(string json) =>
        JsonSerializer.Deserialize<ScoreMetadata>(json, Options) ?? new ScoreMetadata();
}
