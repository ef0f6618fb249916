using Clamp.Contracts.Grpc;
using Clamp.VectorStore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Clamp.VectorStore.Keywords;

/// <summary>
/// Full-text search over the metadata of the scores one model version has indexed. A score matches when its
/// document contains a word of the query (<see cref="KeywordTerms"/>) or when the query is close to one of its titles
/// by trigram word similarity (pg_trgm's <c>&lt;%</c>, at least <see cref="VectorStoreOptions.TitleSimilarityThreshold"/>:
/// it forgives typos and partial titles). The best <see cref="CandidateLimit"/> matches by <c>ts_rank</c> (weighted:
/// titles above people and collection, above tags, type and origin, above notes and lyrics) are then ranked by
/// <list type="bullet">
/// <item>coverage: the share of the query's words (stemmed, stop words out) the document holds (0 to 1: a line of lyrics
/// scores near 1, one common word of a long description near 0),</item>
/// <item>title similarity: the larger of "the query is in a title" (trigram word similarity from the threshold up: a
/// title typed in part or with typos) and "a title is in the query" (from <see cref="TitleInQuerySimilarity"/> up: a
/// title quoted inside a prose query), 0 to 1; the latter scaled down for a title that is not distinctive (its words
/// are in the titles of more than <see cref="DistinctiveTitleDocuments"/> scores: "The Major" is in every description
/// of a piece in a major key, "Jackson's Morning Brush" is a name),</item>
/// <item>plus <c>ts_rank</c> (a few hundredths) to order the rest.</item>
/// </list>
/// So a keyword score of 0.5 or more means a strong match (a title or most of the query), and below 0.2 a weak one,
/// which hybrid fusion uses (<c>KeywordConfidence</c> of the query service). Ties go by score id, so pages are stable.
/// Each hit lists the fields its words were found in. Only scores of the query's tenants are matched, and only they count
/// in a title's distinctiveness, so neither the hits nor their ranks tell anything of another tenant's scores.
/// </summary>
public sealed class KeywordSearch(NpgsqlDataSource dataSource, IOptions<VectorStoreOptions> options)
{
    private const string Reasons = "reasons";

    /// <summary>
    /// How much of a title must appear in the query to count as quoted there: high, so a generic title ("String Quartet
    /// in G major") does not match a description that only shares "in G major" (0.5 to 0.6), while a quoted title
    /// (about 1.0) does.
    /// </summary>
    public const double TitleInQuerySimilarity = 0.8;

    /// <summary>
    /// A title found inside the query counts fully when its words (stemmed, stop words out) are all in the titles of at
    /// most this many scores, and by this many over that number of scores otherwise (counted up to
    /// <see cref="TitleDocumentCountLimit"/>), as inverse document frequency would weigh it.
    /// </summary>
    public const int DistinctiveTitleDocuments = 10;

    /// <summary>Where the count of scores sharing a title's words stops (it only has to tell distinctive from common).</summary>
    public const int TitleDocumentCountLimit = 100;

    /// <summary>The full-text matches (best <c>ts_rank</c> first) that the finer rank is computed for.</summary>
    public const int CandidateLimit = 2000;

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
        var inVersion = $"EXISTS (SELECT 1 FROM {version.TableName} v WHERE v.score_id = d.score_id AND {FilterSql.Conditions(query.Tenants, query.Filter, [], select)})";
        select.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = query.Tenants.ToArray() });
        var tenants = "$" + select.Parameters.Count;
        select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.Limit });
        var limit = "$" + select.Parameters.Count;
        select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.Offset });
        var offset = "$" + select.Parameters.Count;
        select.CommandText = $"""
            WITH q AS (
                SELECT to_tsquery('{KeywordFields.Configuration}', $1) AS tsq, lower(unaccent($2)) AS folded,
                       ARRAY(SELECT plainto_tsquery('simple', l)
                             FROM unnest(tsvector_to_array(to_tsvector('{KeywordFields.Configuration}', $2))) l) AS words),
            -- Two index scans (the full-text GIN index, the title trigram index) rather than one OR that no index answers.
            -- The terms are scalar subqueries of q: computed once (an InitPlan), and usable as index conditions.
            matches AS (
                (SELECT d.score_id, d.document, d.titles_folded, false AS title_match,
                        ts_rank(d.document, (SELECT tsq FROM q), 1) AS text_rank
                 FROM score_documents d
                 WHERE d.document @@ (SELECT tsq FROM q) AND {inVersion}
                 ORDER BY text_rank DESC, d.score_id
                 LIMIT {CandidateLimit})
                UNION ALL
                (SELECT d.score_id, d.document, d.titles_folded, true,
                        ts_rank(d.document, (SELECT tsq FROM q), 1)
                 FROM score_documents d
                 WHERE (SELECT folded FROM q) <% d.titles_folded AND {inVersion}
                 ORDER BY word_similarity((SELECT folded FROM q), d.titles_folded) DESC, d.score_id
                 LIMIT {CandidateLimit})),
            candidates AS (
                SELECT * FROM (SELECT DISTINCT ON (score_id) * FROM matches ORDER BY score_id, title_match DESC) m
                ORDER BY title_match DESC, text_rank DESC, score_id
                LIMIT {CandidateLimit}),
            page AS (
                SELECT c.score_id,
                       c.text_rank
                       + (SELECT count(*) FROM unnest(q.words) w WHERE c.document @@ w)::float8 / greatest(1, cardinality(q.words))
                       + greatest(
                           CASE WHEN c.title_match THEN sim.query_in_title ELSE 0 END,
                           CASE WHEN sim.title_in_query >= {TitleInQuerySimilarity}
                                THEN sim.title_in_query * {TitleDistinctivenessSql("c.score_id", tenants)} ELSE 0 END)
                       AS rank
                FROM candidates c CROSS JOIN q
                CROSS JOIN LATERAL (
                    SELECT CASE WHEN c.title_match THEN word_similarity(q.folded, c.titles_folded) ELSE 0 END AS query_in_title,
                           CASE WHEN c.titles_folded <> '' THEN word_similarity(c.titles_folded, q.folded) ELSE 0 END AS title_in_query) sim
                ORDER BY rank DESC, c.score_id
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

    /// <summary>
    /// 1 for a title whose lexemes are all in the titles of at most <see cref="DistinctiveTitleDocuments"/> scores (of the
    /// <paramref name="tenants"/>),
    /// <see cref="DistinctiveTitleDocuments"/> / n for one that n scores' titles share, 0 for a title of stop words only.
    /// The lexemes are matched with weight A (titles) on the document index; the count stops at
    /// <see cref="TitleDocumentCountLimit"/>.
    /// </summary>
    private static string TitleDistinctivenessSql(string scoreId, string tenants) => $"""
        (SELECT CASE WHEN t.tsq IS NULL THEN 0
                     ELSE least(1.0, {DistinctiveTitleDocuments}.0 / greatest(1, (
                         SELECT count(*) FROM (SELECT 1 FROM score_documents o
                                               WHERE o.document @@ t.tsq AND o.tenant = ANY({tenants})
                                               LIMIT {TitleDocumentCountLimit}) n)))
                END
         FROM (SELECT (SELECT string_agg('''' || replace(replace(l, '\', '\\'), '''', '''''') || ''':A', ' & ')
                       FROM unnest(tsvector_to_array(to_tsvector('{KeywordFields.Configuration}', {KeywordFields.TitlesOf("s")}))) l)::tsquery AS tsq
               FROM score_documents s WHERE s.score_id = {scoreId}) t)
        """;

    /// <summary>The names of the fields whose own text matches the query (titles also by trigram similarity).</summary>
    private static string ReasonsSql() => "array_remove(ARRAY[" + string.Join(", ", KeywordFields.All.Select(f =>
    {
        var matches = $"to_tsvector('{KeywordFields.Configuration}', coalesce({f.Sql}, '')) @@ q.tsq";
        if (f.Sql == KeywordFields.TitlesSql) matches += " OR q.folded <% d.titles_folded";
        return $"CASE WHEN {matches} THEN '{f.Reason}' END";
    })) + "], NULL)";
}
