using Clamp.Contracts.Messages;
using Clamp.Ingest.Outbox;
using Npgsql;
using NpgsqlTypes;

namespace Clamp.Ingest.Storage;

/// <summary>
/// Stores, reads and deletes scores, each of one tenant: a score is stored for its uploader's tenant, read by the
/// tenants a caller may read, and deleted by its own tenant only; another tenant's score is never seen. Each write
/// commits the score rows and the messages that announce them (through the outbox) in one transaction: stored first,
/// announced second.
/// </summary>
internal sealed class ScoreRepository(NpgsqlDataSource dataSource, OutboxWriter outbox, TimeProvider clock)
{
    private const string Columns = """
        id, tenant, content_hash, format, file_name, octet_length(content), metadata::text, status,
        failure_stage, failure_code, failure_reason, patch_count, indexed_versions, created_at, updated_at
        """;

    /// <summary>
    /// Stores new scores of <paramref name="tenant"/> and announces each with <see cref="ScoreIngested"/>. Content the
    /// tenant already stored (by hash, including earlier in the same list) is not stored again: its existing id comes
    /// back flagged duplicate. Another tenant's copy of the same content is neither found nor told of.
    /// </summary>
    public async Task<IReadOnlyList<StoredScore>> AddAsync(IReadOnlyList<NewScore> scores, string tenant, CancellationToken ct)
    {
        var results = new List<StoredScore>(scores.Count);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var score in scores)
        {
            var now = clock.GetUtcNow();
            var id = await InsertAsync(connection, transaction, score, tenant, now, ct);
            if (id is { } newId)
            {
                await outbox.AddAsync(connection, transaction, ToMessage(newId, score, tenant, now), ct);
                results.Add(new StoredScore(newId, Duplicate: false, ScoreStatus.Received));
            }
            else
            {
                results.Add(await FindByHashAsync(connection, transaction, tenant, score.ContentHash, ct));
            }
        }
        await transaction.CommitAsync(ct);
        outbox.Committed();
        return results;
    }

    /// <summary>A score of one of <paramref name="tenants"/>; null when there is none (or it is another tenant's).</summary>
    public async Task<ScoreRecord?> GetAsync(Guid id, IReadOnlyList<string> tenants, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM ingest.scores WHERE id = $1 AND tenant = ANY($2)");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(tenants.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadRecord(reader) : null;
    }

    /// <summary>The stored file of a score of <paramref name="tenants"/> (as uploaded, or its own tune of a multi-tune
    /// batch); null when there is none.</summary>
    public async Task<ScoreContent?> GetContentAsync(Guid id, IReadOnlyList<string> tenants, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT file_name, format, content FROM ingest.scores WHERE id = $1 AND tenant = ANY($2)");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(tenants.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new ScoreContent(reader.GetString(0), Enum.Parse<ScoreFormat>(reader.GetString(1)), reader.GetFieldValue<byte[]>(2))
            : null;
    }

    /// <summary>
    /// Scores of <paramref name="tenants"/> in id order (which is upload order: ids are version-7 UUIDs), optionally of
    /// one status, after <paramref name="after"/> (keyset paging), at most <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<ScoreRecord>> ListAsync(IReadOnlyList<string> tenants, ScoreStatus? status, Guid? after, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns} FROM ingest.scores
            WHERE tenant = ANY($4) AND ($1::text IS NULL OR status = $1) AND id > $2
            ORDER BY id LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = status?.Name(), NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.AddWithValue(after ?? Guid.Empty);
        command.Parameters.AddWithValue(limit);
        command.Parameters.AddWithValue(tenants.ToArray());
        var records = new List<ScoreRecord>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            records.Add(ReadRecord(reader));
        return records;
    }

    /// <summary>Deletes a score of <paramref name="tenant"/> and announces <see cref="ScoreDeleted"/>; false when the tenant has no such score.</summary>
    public async Task<bool> DeleteAsync(Guid id, string tenant, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand("DELETE FROM ingest.scores WHERE id = $1 AND tenant = $2", connection, transaction);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(tenant);
        if (await command.ExecuteNonQueryAsync(ct) == 0)
            return false;
        await outbox.AddAsync(connection, transaction, new ScoreDeleted { ScoreId = id }, ct);
        await transaction.CommitAsync(ct);
        outbox.Committed();
        return true;
    }

    internal static ScoreIngested ToMessage(Guid id, NewScore score, string tenant, DateTimeOffset ingestedAt, string? targetModelVersion = null) => new()
    {
        ScoreId = id,
        ContentHash = score.ContentHash,
        Format = score.Format,
        FileName = score.FileName,
        Content = score.Content,
        Metadata = score.Metadata,
        Tenant = tenant,
        IngestedAt = ingestedAt,
        TargetModelVersion = targetModelVersion,
    };

    private static async Task<Guid?> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, NewScore score, string tenant, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO ingest.scores (id, content_hash, format, file_name, content, metadata, status, status_rank, created_at, updated_at, tenant)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10)
            ON CONFLICT (tenant, content_hash) DO NOTHING
            RETURNING id
            """, connection, transaction);
        command.Parameters.AddWithValue(Guid.CreateVersion7(now));
        command.Parameters.AddWithValue(score.ContentHash);
        command.Parameters.AddWithValue(score.Format.ToString());
        command.Parameters.AddWithValue(score.FileName);
        command.Parameters.AddWithValue(score.Content);
        command.Parameters.AddWithValue(NpgsqlDbType.Jsonb, JsonColumns.Write(score.Metadata));
        command.Parameters.AddWithValue(ScoreStatus.Received.Name());
        command.Parameters.AddWithValue((int)ScoreStatus.Received);
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(tenant);
        return (Guid?)await command.ExecuteScalarAsync(ct);
    }

    private static async Task<StoredScore> FindByHashAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenant, string hash, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT id, status FROM ingest.scores WHERE tenant = $1 AND content_hash = $2", connection, transaction);
        command.Parameters.AddWithValue(tenant);
        command.Parameters.AddWithValue(hash);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            throw new InvalidOperationException($"Score with content hash {hash} conflicted on insert but cannot be read.");
        return new StoredScore(reader.GetGuid(0), Duplicate: true, ScoreStatusNames.Parse(reader.GetString(1)));
    }

    private static ScoreRecord ReadRecord(NpgsqlDataReader reader) => new(
        Id: reader.GetGuid(0),
        Tenant: reader.GetString(1),
        ContentHash: reader.GetString(2),
        Format: Enum.Parse<ScoreFormat>(reader.GetString(3)),
        FileName: reader.GetString(4),
        SizeBytes: reader.GetInt32(5),
        Metadata: JsonColumns.ReadMetadata(reader.GetString(6)),
        Status: ScoreStatusNames.Parse(reader.GetString(7)),
        Failure: reader.IsDBNull(8) ? null
            : new ScoreFailure(Enum.Parse<PipelineStage>(reader.GetString(8)), reader.GetString(9), reader.GetString(10)),
        PatchCount: reader.IsDBNull(11) ? null : reader.GetInt32(11),
        IndexedModelVersions: reader.GetFieldValue<string[]>(12),
        CreatedAt: reader.GetFieldValue<DateTimeOffset>(13),
        UpdatedAt: reader.GetFieldValue<DateTimeOffset>(14));
}
