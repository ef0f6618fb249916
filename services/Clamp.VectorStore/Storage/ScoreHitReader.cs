using Clamp.Contracts.Grpc;
using Npgsql;

namespace Clamp.VectorStore.Storage;

/// <summary>
/// Reads a hit from a result row whose first columns are <see cref="Columns"/> over a version table: score id, the
/// ranking score, title, composer, collection, type, key, meter, tags.
/// </summary>
internal static class ScoreHitReader
{
    /// <summary>The hit columns of a version table aliased <paramref name="alias"/>, with the score expression second.</summary>
    public static string Columns(string alias, string score) =>
        $"{alias}score_id, {score}, {alias}title, {alias}composer, {alias}collection, {alias}type, {alias}key, {alias}meter, {alias}tags";

    public const int FieldCount = 9;

    public static ScoreHit Read(NpgsqlDataReader reader)
    {
        var hit = new ScoreHit
        {
            ScoreId = reader.GetGuid(0).ToString(),
            Score = (float)reader.GetDouble(1),
            Title = reader.IsDBNull(2) ? "" : reader.GetString(2),
            Composer = reader.IsDBNull(3) ? "" : reader.GetString(3),
            Collection = reader.IsDBNull(4) ? "" : reader.GetString(4),
            Type = reader.IsDBNull(5) ? "" : reader.GetString(5),
            Key = reader.IsDBNull(6) ? "" : reader.GetString(6),
            Meter = reader.IsDBNull(7) ? "" : reader.GetString(7),
        };
        hit.Tags.AddRange(reader.GetFieldValue<string[]>(8));
        return hit;
    }
}
