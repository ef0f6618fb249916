using Clamp.Contracts.Messages;
using Clamp.Ingest.Outbox;
using Clamp.Ingest.Storage;
using Npgsql;

namespace Clamp.Ingest.Reindex;

/// <summary>
/// Re-indexing jobs in ingest.reindex_jobs. A job takes a snapshot (the scores stored when it starts, less
/// those that failed patching) and walks it in id order, one page per transaction: the page's
/// <see cref="ScoreIngested"/> messages (with the target model version), the job's new position and a
/// <see cref="ReindexProgress"/> message commit together, so a crash resumes where it stopped. A page holds at most
/// a number of scores and a number of bytes of score content, so a step never reads more than that into memory.
/// </summary>
internal sealed class ReindexJobRepository(NpgsqlDataSource dataSource, OutboxWriter outbox)
{
    private const string Eligible = "failure_stage IS DISTINCT FROM 'Patching'";
    private const string JobColumns = "id, model_id, model_version, status, total, done, created_at, completed_at";

    /// <summary>Starts a job, or returns the existing one with the same id.</summary>
    public async Task<ReindexJob> StartAsync(Guid jobId, string modelId, string modelVersion, CancellationToken ct)
    {
        await using (var insert = dataSource.CreateCommand($"""
            INSERT INTO ingest.reindex_jobs (id, model_id, model_version, status, total, snapshot_at)
            SELECT $1, $2, $3, '{ReindexJob.Running}', count(*), now() FROM ingest.scores WHERE {Eligible}
            ON CONFLICT (id) DO NOTHING
            """))
        {
            insert.Parameters.AddWithValue(jobId);
            insert.Parameters.AddWithValue(modelId);
            insert.Parameters.AddWithValue(modelVersion);
            await insert.ExecuteNonQueryAsync(ct);
        }
        return (await GetAsync(jobId, ct))!;
    }

    public async Task<ReindexJob?> GetAsync(Guid jobId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT {JobColumns} FROM ingest.reindex_jobs WHERE id = $1");
        command.Parameters.AddWithValue(jobId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadJob(reader) : null;
    }

    /// <summary>Announces the next page of one running job (at most <paramref name="pageSize"/> scores and
    /// <paramref name="maxPageBytes"/> of content, at least one score); false when no job has work left.</summary>
    public async Task<bool> AdvanceAsync(int pageSize, long maxPageBytes, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var job = await ClaimRunningJobAsync(connection, transaction, ct);
        if (job is null)
            return false;

        var (page, last) = await ReadPageAsync(connection, transaction, job, pageSize, maxPageBytes, ct);
        foreach (var (id, tenant, score, createdAt) in page)
            await outbox.AddAsync(connection, transaction, ScoreRepository.ToMessage(id, score, tenant, createdAt, job.ModelVersion), ct);

        var done = job.Done + page.Count;
        var completed = last;
        await SaveAsync(connection, transaction, job.Id, done, page.Count > 0 ? page[^1].Id : job.LastScoreId, completed, ct);
        await outbox.AddAsync(connection, transaction, new ReindexProgress
        {
            JobId = job.Id,
            ModelVersion = job.ModelVersion,
            Done = done,
            // Scores deleted while the job ran are not announced: the last progress gives the exact total.
            Total = completed ? done : Math.Max(job.Total, done),
            Completed = completed,
        }, ct);
        await transaction.CommitAsync(ct);
        outbox.Committed();
        return true;
    }

    private static async Task<RunningJob?> ClaimRunningJobAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT id, model_version, total, done, last_score_id, snapshot_at FROM ingest.reindex_jobs
            WHERE status = '{ReindexJob.Running}' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED
            """, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            return null;
        return new RunningJob(reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3),
            reader.IsDBNull(4) ? null : reader.GetGuid(4), reader.GetFieldValue<DateTimeOffset>(5));
    }

    /// <summary>The next scores of the job's snapshot that fit in the page, and whether they are its last ones. Sizes
    /// come from octet_length, which PostgreSQL reads from the stored value's header, so no content past the page is read.</summary>
    private static async Task<(List<(Guid Id, string Tenant, NewScore Score, DateTimeOffset CreatedAt)> Page, bool Last)> ReadPageAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, RunningJob job, int pageSize, long maxPageBytes, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            WITH candidates AS (
                SELECT id, octet_length(content) AS bytes FROM ingest.scores
                WHERE id > $1 AND created_at <= $2 AND {Eligible}
                ORDER BY id LIMIT $3),
            sized AS (
                SELECT id, sum(bytes) OVER (ORDER BY id) AS running, row_number() OVER (ORDER BY id) AS position,
                       count(*) OVER () AS candidates
                FROM candidates)
            SELECT s.id, s.format, s.file_name, s.content, s.metadata::text, s.created_at, sized.candidates, s.tenant
            FROM sized JOIN ingest.scores s ON s.id = sized.id
            WHERE sized.running <= $4 OR sized.position = 1
            ORDER BY s.id
            """, connection, transaction);
        command.Parameters.AddWithValue(job.LastScoreId ?? Guid.Empty);
        command.Parameters.AddWithValue(job.SnapshotAt);
        command.Parameters.AddWithValue(pageSize);
        command.Parameters.AddWithValue(maxPageBytes);
        var page = new List<(Guid, string, NewScore, DateTimeOffset)>();
        long candidates = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var score = new NewScore(reader.GetString(2), Enum.Parse<ScoreFormat>(reader.GetString(1)),
                reader.GetFieldValue<byte[]>(3), JsonColumns.ReadMetadata(reader.GetString(4)));
            page.Add((reader.GetGuid(0), reader.GetString(7), score, reader.GetFieldValue<DateTimeOffset>(5)));
            candidates = reader.GetInt64(6);
        }
        // The last page: fewer scores were left than a page holds, and all of them fitted.
        return (page, candidates < pageSize && page.Count == candidates);
    }

    private static async Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        Guid id, long done, Guid? lastScoreId, bool completed, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            UPDATE ingest.reindex_jobs SET done = $2, last_score_id = $3, updated_at = now(),
                status = CASE WHEN $4 THEN '{ReindexJob.Completed}' ELSE status END,
                completed_at = CASE WHEN $4 THEN now() ELSE NULL END,
                total = CASE WHEN $4 THEN $2 ELSE total END
            WHERE id = $1
            """, connection, transaction);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(done);
        command.Parameters.Add(new NpgsqlParameter<Guid?> { TypedValue = lastScoreId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.AddWithValue(completed);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static ReindexJob ReadJob(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetInt64(5),
        reader.GetFieldValue<DateTimeOffset>(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7));

    private sealed record RunningJob(Guid Id, string ModelVersion, long Total, long Done, Guid? LastScoreId, DateTimeOffset SnapshotAt);
}
