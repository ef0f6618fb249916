using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace Clamp.VectorStore.Storage;

/// <summary>
/// Writes embeddings into a version table. Every write is a binary COPY into a transaction-local staging table
/// followed by one <c>INSERT … ON CONFLICT (score_id) DO UPDATE</c>, so a batch costs two round trips however
/// large it is, and writing the same rows twice changes nothing (unchanged rows are not even rewritten).
/// The version's <c>indexed</c> count grows by the rows that were new, in the same transaction.
/// </summary>
public sealed class EmbeddingWriter(NpgsqlDataSource dataSource)
{
    private const string Columns = "score_id, content_hash, embedding, collection, key, meter, type, tags, title, composer";

    /// <returns>The number of scores that were not in the table before.</returns>
    public async Task<long> UpsertAsync(ModelVersionRecord version, IReadOnlyCollection<EmbeddingRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return 0;
        // One row per score (the last one wins), in key order so concurrent batches lock rows in the same order.
        var distinct = rows.GroupBy(r => r.ScoreId).Select(g => g.Last()).OrderBy(r => r.ScoreId).ToList();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(
            $"CREATE TEMP TABLE staging_embeddings (LIKE {version.TableName} INCLUDING DEFAULTS) ON COMMIT DROP", connection))
            await create.ExecuteNonQueryAsync(cancellationToken);
        await CopyAsync(connection, "staging_embeddings", distinct, cancellationToken);

        await using var upsert = new NpgsqlCommand($"""
            WITH upserted AS (
                INSERT INTO {version.TableName} AS t ({Columns})
                SELECT {Columns} FROM staging_embeddings ORDER BY score_id
                ON CONFLICT (score_id) DO UPDATE SET
                    content_hash = EXCLUDED.content_hash, embedding = EXCLUDED.embedding,
                    collection = EXCLUDED.collection, key = EXCLUDED.key, meter = EXCLUDED.meter, type = EXCLUDED.type,
                    tags = EXCLUDED.tags, title = EXCLUDED.title, composer = EXCLUDED.composer, updated_at = now()
                WHERE (t.content_hash, t.embedding, t.collection, t.key, t.meter, t.type, t.tags, t.title, t.composer)
                      IS DISTINCT FROM (EXCLUDED.content_hash, EXCLUDED.embedding, EXCLUDED.collection, EXCLUDED.key,
                                        EXCLUDED.meter, EXCLUDED.type, EXCLUDED.tags, EXCLUDED.title, EXCLUDED.composer)
                RETURNING (xmax = 0) AS inserted)
            UPDATE model_versions SET indexed = indexed + added.n
            FROM (SELECT count(*) FILTER (WHERE inserted) AS n FROM upserted) added
            WHERE model_version = $1
            RETURNING added.n
            """, connection);
        upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = version.ModelVersion });
        var added = (long)(await upsert.ExecuteScalarAsync(cancellationToken) ?? 0L);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>Deletes scores from a version table.</summary>
    /// <returns>The number of rows deleted.</returns>
    public async Task<long> DeleteAsync(ModelVersionRecord version, IReadOnlyCollection<Guid> scoreIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            WITH deleted AS (DELETE FROM {version.TableName} WHERE score_id = ANY($2) RETURNING 1)
            UPDATE model_versions SET indexed = indexed - removed.n
            FROM (SELECT count(*) AS n FROM deleted) removed
            WHERE model_version = $1
            RETURNING removed.n
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = version.ModelVersion });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = scoreIds.ToArray() });
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    /// <summary>Binary COPY of rows into a table with the version-table columns.</summary>
    internal static async Task CopyAsync(NpgsqlConnection connection, string table, IEnumerable<EmbeddingRow> rows, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(row.ScoreId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(row.ContentHash, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(new Vector(row.Embedding), cancellationToken);
            await WriteNullableAsync(writer, row.Collection, cancellationToken);
            await WriteNullableAsync(writer, row.Key, cancellationToken);
            await WriteNullableAsync(writer, row.Meter, cancellationToken);
            await WriteNullableAsync(writer, row.Type, cancellationToken);
            await writer.WriteAsync(row.Tags.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(writer, row.Title, cancellationToken);
            await WriteNullableAsync(writer, row.Composer, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken)
    {
        if (value is null) await writer.WriteNullAsync(cancellationToken);
        else await writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
    }
}
