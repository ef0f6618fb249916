using Clamp.Testing;
using Npgsql;
using Pgvector;

namespace Clamp.Platform.IntegrationTests;

/// <summary>PostgreSQL has pgvector 0.8 with HNSW, and an HNSW index answers nearest-neighbour queries correctly.</summary>
public sealed class PgvectorNearestNeighbourTests(IsolatedInfrastructure infrastructure) : IClassFixture<IsolatedInfrastructure>
{
    [Fact]
    public async Task The_vector_extension_is_version_0_8_or_newer()
    {
        await using var dataSource = DataSource();
        var version = (string)(await dataSource.CreateCommand("SELECT extversion FROM pg_extension WHERE extname = 'vector'").ExecuteScalarAsync())!;
        Assert.True(Version.Parse(version) >= new Version(0, 8), $"pgvector {version} is older than 0.8");
    }

    [Fact]
    public async Task An_HNSW_cosine_index_returns_the_nearest_rows_in_order()
    {
        await using var dataSource = DataSource();
        await Execute(dataSource, "CREATE TABLE items (id int PRIMARY KEY, embedding vector(3) NOT NULL)");

        // Bulk load with binary COPY first, then build the index, as the vector store does.
        var rows = new (int Id, float[] Vector)[]
        {
            (1, [1, 0, 0]), (2, [0.9f, 0.1f, 0]), (3, [0, 1, 0]), (4, [0, 0, 1]), (5, [0.7f, 0.7f, 0]), (6, [-1, 0, 0]),
        };
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var writer = await connection.BeginBinaryImportAsync("COPY items (id, embedding) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, vector) in rows)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(id);
                await writer.WriteAsync(new Vector(vector));
            }
            await writer.CompleteAsync();
        }
        await Execute(dataSource, "CREATE INDEX items_embedding_hnsw ON items USING hnsw (embedding vector_cosine_ops)");

        await using var connectionForQuery = await dataSource.OpenConnectionAsync();
        await using (var forceIndex = new NpgsqlCommand("SET enable_seqscan = off", connectionForQuery))
            await forceIndex.ExecuteNonQueryAsync();

        await using var explain = new NpgsqlCommand("EXPLAIN SELECT id FROM items ORDER BY embedding <=> $1 LIMIT 3", connectionForQuery);
        explain.Parameters.AddWithValue(new Vector(new float[] { 1, 0.05f, 0 }));
        var plan = string.Join('\n', await ReadAll(explain, r => r.GetString(0)));
        Assert.Contains("items_embedding_hnsw", plan);

        await using var query = new NpgsqlCommand("SELECT id FROM items ORDER BY embedding <=> $1 LIMIT 3", connectionForQuery);
        query.Parameters.AddWithValue(new Vector(new float[] { 1, 0.05f, 0 }));
        var nearest = await ReadAll(query, r => r.GetInt32(0));
        Assert.Equal([1, 2, 5], nearest);
    }

    private NpgsqlDataSource DataSource()
    {
        var builder = new NpgsqlDataSourceBuilder(infrastructure.DatabaseConnectionString);
        builder.UseVector();
        return builder.Build();
    }

    private static async Task Execute(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<T>> ReadAll<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read)
    {
        var values = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            values.Add(read(reader));
        return values;
    }
}
