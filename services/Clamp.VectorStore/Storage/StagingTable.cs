using Npgsql;

namespace Clamp.VectorStore.Storage;

/// <summary>The staging side of a bulk upsert: rows are COPYed into a temporary table, then merged in one statement.</summary>
internal static class StagingTable
{
    /// <summary>
    /// Opens a connection and a transaction holding an empty temporary table <paramref name="name"/> shaped like
    /// <paramref name="like"/>, dropped at commit.
    /// </summary>
    public static async Task<StagingSession> OpenAsync(NpgsqlDataSource dataSource, string name, string like, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE TEMP TABLE {name} (LIKE {like} INCLUDING DEFAULTS) ON COMMIT DROP", connection, transaction);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return new StagingSession(connection, transaction);
    }

    /// <summary>One row per key (the last one wins), in key order, so concurrent batches lock rows in the same order.</summary>
    public static List<T> Distinct<T>(IEnumerable<T> rows, Func<T, Guid> key) =>
        rows.GroupBy(key).Select(g => g.Last()).OrderBy(key).ToList();
}

/// <summary>A connection with its open transaction; disposing ends both (rolling back what was not committed).</summary>
internal sealed record StagingSession(NpgsqlConnection Connection, NpgsqlTransaction Transaction) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
