using Clamp.Contracts.Grpc;
using Microsoft.Extensions.Options;
using Npgsql;
using Pgvector;

namespace Clamp.VectorStore.Storage;

/// <summary>
/// k-NN search in a version table. Approximate searches use the HNSW index with pgvector's iterative scan in
/// strict order, so filters and deep pages still return k rows in exact distance order; exact searches turn
/// index scans off (a sequential scan and sort: the ground truth for recall).
/// All settings are transaction-local and travel in the same round trip as the query.
/// </summary>
public sealed class NearestSearch(NpgsqlDataSource dataSource, IOptions<VectorStoreOptions> options)
{
    public async Task<IReadOnlyList<ScoreHit>> SearchAsync(ModelVersionRecord version, NearestQuery query, CancellationToken cancellationToken)
    {
        var o = options.Value;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);

        var efSearch = Math.Min(1000, Math.Max(o.HnswEfSearch, query.Offset + query.Limit));
        batch.BatchCommands.Add(SetLocal("hnsw.ef_search", efSearch.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        batch.BatchCommands.Add(SetLocal("hnsw.iterative_scan", "strict_order"));
        if (query.Exact)
            batch.BatchCommands.Add(SetLocal("enable_indexscan", "off"));

        var select = new NpgsqlBatchCommand();
        select.Parameters.Add(new NpgsqlParameter<Vector> { TypedValue = new Vector(query.Vector) });
        var distance = $"embedding {o.Distance.Operator()} $1";
        var where = FilterSql.Build(query.Filter, query.Exclude, select);
        select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.Limit });
        var limit = "$" + select.Parameters.Count;
        select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.Offset });
        var offset = "$" + select.Parameters.Count;
        select.CommandText = $"""
            SELECT score_id, {o.Distance.SimilarityOf(distance)}, title, composer, collection, type, key, meter, tags
            FROM {version.TableName}{where}
            ORDER BY {distance} LIMIT {limit} OFFSET {offset}
            """;
        batch.BatchCommands.Add(select);

        var hits = new List<ScoreHit>(query.Limit);
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            // Skip the results of the set_config calls.
            while (reader.FieldCount != 9 && await reader.NextResultAsync(cancellationToken)) { }
            while (await reader.ReadAsync(cancellationToken))
                hits.Add(ReadHit(reader));
        }
        await transaction.CommitAsync(cancellationToken);
        return hits;
    }

    private static NpgsqlBatchCommand SetLocal(string name, string value) => new("SELECT set_config($1, $2, true)")
    {
        Parameters =
        {
            new NpgsqlParameter<string> { TypedValue = name },
            new NpgsqlParameter<string> { TypedValue = value },
        },
    };

    private static ScoreHit ReadHit(NpgsqlDataReader reader)
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
