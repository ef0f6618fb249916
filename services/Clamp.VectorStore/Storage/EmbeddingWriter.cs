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
    private const string Columns = "score_id, content_hash, embedding, collection, key, meter, type, tags, title, composer, tenant";

    /// <returns>The number of scores that were not in the table before.</returns>
    public async Task<long> UpsertAsync(ModelVersionRecord version, IReadOnlyCollection<EmbeddingRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return 0;
        var distinct = StagingTable.Distinct(rows, r => r.ScoreId);
        await using var staging = await StagingTable.OpenAsync(dataSource, "staging_embeddings", version.TableName, cancellationToken);
        var connection = staging.Connection;
        await CopyAsync(connection, "staging_embeddings", distinct, cancellationToken);

        await using var upsert = new NpgsqlCommand($"""
            WITH upserted AS (
                INSERT INTO {version.TableName} AS t ({Columns})
                SELECT {Columns} FROM staging_embeddings ORDER BY score_id
                ON CONFLICT (score_id) DO UPDATE SET
                    content_hash = EXCLUDED.content_hash, embedding = EXCLUDED.embedding,
                    collection = EXCLUDED.collection, key = EXCLUDED.key, meter = EXCLUDED.meter, type = EXCLUDED.type,
                    tags = EXCLUDED.tags, title = EXCLUDED.title, composer = EXCLUDED.composer, tenant = EXCLUDED.tenant,
                    updated_at = now()
                WHERE (t.content_hash, t.embedding, t.collection, t.key, t.meter, t.type, t.tags, t.title, t.composer, t.tenant)
                      IS DISTINCT FROM (EXCLUDED.content_hash, EXCLUDED.embedding, EXCLUDED.collection, EXCLUDED.key,
                                        EXCLUDED.meter, EXCLUDED.type, EXCLUDED.tags, EXCLUDED.title, EXCLUDED.composer, EXCLUDED.tenant)
                RETURNING (xmax = 0) AS inserted)
            UPDATE model_versions SET indexed = indexed + added.n
            FROM (SELECT count(*) FILTER (WHERE inserted) AS n FROM upserted) added
            WHERE model_version = $1
            RETURNING added.n
            """, connection);
        upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = version.ModelVersion });
        var added = (long)(await upsert.ExecuteScalarAsync(cancellationToken) ?? 0L);
        await staging.Transaction.CommitAsync(cancellationToken);
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
            await writer.WriteTextOrNullAsync(row.Collection, cancellationToken);
            await writer.WriteTextOrNullAsync(row.Key, cancellationToken);
            await writer.WriteTextOrNullAsync(row.Meter, cancellationToken);
            await writer.WriteTextOrNullAsync(row.Type, cancellationToken);
            await writer.WriteAsync(row.Tags.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await writer.WriteTextOrNullAsync(row.Title, cancellationToken);
            await writer.WriteTextOrNullAsync(row.Composer, cancellationToken);
            await writer.WriteAsync(row.Tenant, NpgsqlDbType.Text, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }
}
