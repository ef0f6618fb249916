using Npgsql;
using Pgvector;

namespace Clamp.VectorStore.Storage;

/// <summary>Reads one score's stored embedding from a version table.</summary>
public sealed class EmbeddingReader(NpgsqlDataSource dataSource)
{
    public async Task<float[]?> FindAsync(ModelVersionRecord version, Guid scoreId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT embedding FROM {version.TableName} WHERE score_id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = scoreId });
        return await command.ExecuteScalarAsync(cancellationToken) is Vector vector ? vector.ToArray() : null;
    }
}
