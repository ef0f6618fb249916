using Npgsql;

namespace Clamp.VectorStore.Storage;

/// <summary>Transaction-scoped PostgreSQL advisory locks (released at commit or rollback).</summary>
internal static class AdvisoryLock
{
    public static async Task TakeAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
