using Npgsql;

namespace Clamp.VectorStore.Keywords;

/// <summary>
/// Gives keyword documents to scores indexed before keyword search existed: at start-up, every score in a version
/// table without a document gets one from the metadata the table holds (title, composer, collection, type, tags).
/// Their lyrics, notes and other fields arrive with the next re-index, whose "score embedded" messages carry them.
/// Idempotent and cheap once done (an anti-join finds nothing).
/// </summary>
internal static class ScoreDocumentBackfill
{
    public static async Task<long> RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM model_versions WHERE state <> 'retired' ORDER BY created_at", connection, transaction))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                tables.Add(reader.GetString(0));

        long added = 0;
        foreach (var table in tables)
        {
            await using var insert = new NpgsqlCommand($"""
                INSERT INTO score_documents AS t (score_id, title, composer, collection, tags, type, tenant, titles_folded, document)
                SELECT d.score_id, d.title, d.composer, d.collection, d.tags, d.type, d.tenant,
                       {KeywordFields.FoldedTitlesSql()}, {KeywordFields.DocumentSql()}
                FROM (SELECT v.score_id, v.title, ARRAY[]::text[] AS alternative_titles, v.composer, NULL::text AS lyricist,
                             NULL::text AS arranger, v.collection, v.tags, v.type, NULL::text AS origin, NULL::text AS notes,
                             NULL::text AS lyrics, v.tenant
                      FROM {table} v
                      WHERE NOT EXISTS (SELECT 1 FROM score_documents s WHERE s.score_id = v.score_id)) d
                ON CONFLICT (score_id) DO NOTHING
                """, connection, transaction);
            insert.CommandTimeout = 0;
            added += await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return added;
    }
}
