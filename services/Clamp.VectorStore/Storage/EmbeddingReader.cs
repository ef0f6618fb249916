using Npgsql;
using Pgvector;

namespace Clamp.VectorStore.Storage;

/// <summary>Reads one score's stored embedding from a version table, if the score is of one of the caller's tenants.</summary>
public sealed class EmbeddingReader(NpgsqlDataSource dataSource)
{
    public async Task<float[]?> FindAsync(ModelVersionRecord version, Guid scoreId, IReadOnlyList<string> tenants, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT embedding FROM {version.TableName} WHERE score_id = $1 AND tenant = ANY($2)");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = scoreId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = tenants.ToArray() });
        return await command.ExecuteScalarAsync(cancellationToken) is Vector vector ? vector.ToArray() : null;
    }
}
