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
        batch.BatchCommands.Add(LocalSetting.Of("hnsw.ef_search", efSearch.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        batch.BatchCommands.Add(LocalSetting.Of("hnsw.iterative_scan", "strict_order"));
        if (query.Exact)
            batch.BatchCommands.Add(LocalSetting.Of("enable_indexscan", "off"));

        var select = new NpgsqlBatchCommand();
        select.Parameters.Add(new NpgsqlParameter<Vector> { TypedValue = new Vector(query.Vector) });
        var distance = $"embedding {o.Distance.Operator()} $1";
        var where = FilterSql.Build(query.Tenants, query.Filter, query.Exclude, select);
        select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.Limit });
        var limit = "$" + select.Parameters.Count;
        select.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.Offset });
        var offset = "$" + select.Parameters.Count;
        select.CommandText = $"""
            SELECT {ScoreHitReader.Columns("", o.Distance.SimilarityOf(distance))}
            FROM {version.TableName}{where}
            ORDER BY {distance} LIMIT {limit} OFFSET {offset}
            """;
        batch.BatchCommands.Add(select);

        var hits = new List<ScoreHit>(query.Limit);
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            // Skip the results of the set_config calls.
            while (reader.FieldCount != ScoreHitReader.FieldCount && await reader.NextResultAsync(cancellationToken)) { }
            while (await reader.ReadAsync(cancellationToken))
                hits.Add(ScoreHitReader.Read(reader));
        }
        await transaction.CommitAsync(cancellationToken);
        return hits;
    }
}
