using Clamp.Contracts.Grpc;
using Clamp.VectorStore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Clamp.VectorStore.Keywords;

/// <summary>
/// Full-text search over the metadata of the scores one model version has indexed. A score matches when its
/// document contains a word of the query (<see cref="KeywordTerms"/>) or when the query is close to one of its titles
/// by trigram word similarity at least <see cref="VectorStoreOptions.TitleSimilarityThreshold"/> (pg_trgm's <c>&lt;%</c>, which forgives typos). Rank = <c>ts_rank</c> of the weighted
/// document (titles above people and collection, above tags, above notes and lyrics; normalised by document length)
/// plus that title similarity when it passes the threshold, so an exact or near title comes first. Ties are
/// broken by score id, so pages are stable. Each hit lists the fields its words were found in.
/// </summary>
public sealed class KeywordSearch(NpgsqlDataSource dataSource, IOptions<VectorStoreOptions> options)
{
    private const string Reasons = "reasons";

    public async Task<IReadOnlyList<ScoreHit>> SearchAsync(ModelVersionRecord version, KeywordQuery query, CancellationToken cancellationToken)
    {
        var tsQuery = KeywordTerms.TsQuery(query.Text);
        if (tsQuery.Length == 0) return [];

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(LocalSetting.Of("pg_trgm.word_similarity_threshold",
            options.Value.TitleSimilarityThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var select = new NpgsqlBatchCommand();
        select.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tsQuery });
        select.Parameters.Add(new NpgsqlParameter<string> { TypedValue = query.Text });
        var where = FilterSql.Build(query.Filter, [], select);
        select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.Limit });
        var limit = "$" + select.Parameters.Count;
        select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.Offset });
        var offset = "$" + select.Parameters.Count;
        select.CommandText = $"""
            WITH q AS (SELECT to_tsquery('{KeywordFields.Configuration}', $1) AS tsq, lower(unaccent($2)) AS folded),
            page AS (
                SELECT d.score_id,
                       ts_rank(d.document, q.tsq, 1)
                       + CASE WHEN q.folded <% d.titles_folded THEN word_similarity(q.folded, d.titles_folded) ELSE 0 END AS rank
                FROM score_documents d CROSS JOIN q
                WHERE (d.document @@ q.tsq OR q.folded <% d.titles_folded)
                  AND d.score_id IN (SELECT score_id FROM {version.TableName}{where})
                ORDER BY rank DESC, d.score_id
                LIMIT {limit} OFFSET {offset})
            SELECT {ScoreHitReader.Columns("v.", "page.rank::float8")}, {ReasonsSql()} AS {Reasons}
            FROM page
            JOIN {version.TableName} v ON v.score_id = page.score_id
            JOIN score_documents d ON d.score_id = page.score_id
            CROSS JOIN q
            ORDER BY page.rank DESC, page.score_id
            """;
        batch.BatchCommands.Add(select);

        var hits = new List<ScoreHit>(query.Limit);
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            await reader.NextResultAsync(cancellationToken); // past the set_config row
            while (await reader.ReadAsync(cancellationToken))
            {
                var hit = ScoreHitReader.Read(reader);
                hit.Matched.AddRange(reader.GetFieldValue<string[]>(ScoreHitReader.FieldCount));
                hits.Add(hit);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return hits;
    }

    /// <summary>The names of the fields whose own text matches the query (titles also by trigram similarity).</summary>
    private static string ReasonsSql() => "array_remove(ARRAY[" + string.Join(", ", KeywordFields.All.Select(f =>
    {
        var matches = $"to_tsvector('{KeywordFields.Configuration}', coalesce({f.Sql}, '')) @@ q.tsq";
        if (f.Sql == KeywordFields.TitlesSql) matches += " OR q.folded <% d.titles_folded";
        return $"CASE WHEN {matches} THEN '{f.Reason}' END";
    })) + "], NULL)";
}
