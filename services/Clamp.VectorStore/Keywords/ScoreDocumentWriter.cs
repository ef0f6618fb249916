using Npgsql;
using NpgsqlTypes;
using Clamp.VectorStore.Storage;

namespace Clamp.VectorStore.Keywords;

/// <summary>
/// Keeps <c>score_documents</c> in step with the index: a batch of documents is a binary COPY into a
/// transaction-local staging table and one upsert that computes each row's <c>tsvector</c> and folded titles in
/// PostgreSQL (so the text-search configuration is the database's own). Unchanged rows are not rewritten, so every
/// model version embedding the same score costs one comparison, not one write.
/// </summary>
public sealed class ScoreDocumentWriter(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "score_id, title, alternative_titles, composer, lyricist, arranger, collection, tags, type, origin, notes, lyrics, tenant";

    private static readonly string[] ColumnNames = Columns.Split(", ");

    public async Task UpsertAsync(IReadOnlyCollection<ScoreDocument> documents, CancellationToken cancellationToken)
    {
        if (documents.Count == 0) return;
        var distinct = StagingTable.Distinct(documents, d => d.ScoreId);
        await using var staging = await StagingTable.OpenAsync(dataSource, "staging_documents", "score_documents", cancellationToken);
        var connection = staging.Connection;
        await CopyAsync(connection, distinct, cancellationToken);

        var columns = string.Join(", ", ColumnNames.Select(c => "d." + c));
        var changed = string.Join(", ", ColumnNames.Skip(1).Select(c => $"{c} = EXCLUDED.{c}"));
        await using var upsert = new NpgsqlCommand($"""
            INSERT INTO score_documents AS t ({Columns}, titles_folded, document)
            SELECT {columns}, {KeywordFields.FoldedTitlesSql()}, {KeywordFields.DocumentSql()}
            FROM staging_documents d ORDER BY d.score_id
            ON CONFLICT (score_id) DO UPDATE SET {changed},
                titles_folded = EXCLUDED.titles_folded, document = EXCLUDED.document, updated_at = now()
            WHERE ({string.Join(", ", ColumnNames.Skip(1).Select(c => "t." + c))})
                  IS DISTINCT FROM ({string.Join(", ", ColumnNames.Skip(1).Select(c => "EXCLUDED." + c))})
            """, connection);
        await upsert.ExecuteNonQueryAsync(cancellationToken);
        await staging.Transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Removes deleted scores from keyword search.</summary>
    public async Task DeleteAsync(IReadOnlyCollection<Guid> scoreIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM score_documents WHERE score_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = scoreIds.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IEnumerable<ScoreDocument> documents, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY staging_documents ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var d in documents)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(d.ScoreId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteTextOrNullAsync(d.Title, cancellationToken);
            await writer.WriteAsync(d.AlternativeTitles.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await writer.WriteTextOrNullAsync(d.Composer, cancellationToken);
            await writer.WriteTextOrNullAsync(d.Lyricist, cancellationToken);
            await writer.WriteTextOrNullAsync(d.Arranger, cancellationToken);
            await writer.WriteTextOrNullAsync(d.Collection, cancellationToken);
            await writer.WriteAsync(d.Tags.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await writer.WriteTextOrNullAsync(d.Type, cancellationToken);
            await writer.WriteTextOrNullAsync(d.Origin, cancellationToken);
            await writer.WriteTextOrNullAsync(d.Notes, cancellationToken);
            await writer.WriteTextOrNullAsync(d.Lyrics, cancellationToken);
            await writer.WriteAsync(d.Tenant, NpgsqlDbType.Text, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }
}
