namespace Clamp.Ingest.Storage;

/// <summary>
/// The ingest service's tables, in the PostgreSQL schema "ingest", as numbered migrations.
/// A migration is never edited once released: changes are new entries at the end.
/// </summary>
internal static class IngestSchema
{
    public const string Name = "ingest";

    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE ingest.scores (
            id               uuid PRIMARY KEY,
            content_hash     text NOT NULL UNIQUE,
            format           text NOT NULL,
            file_name        text NOT NULL,
            content          bytea NOT NULL,
            metadata         jsonb NOT NULL,
            status           text NOT NULL,
            status_rank      int NOT NULL,
            failure_stage    text,
            failure_code     text,
            failure_reason   text,
            patch_count      int,
            indexed_versions text[] NOT NULL DEFAULT '{}',
            created_at       timestamptz NOT NULL DEFAULT now(),
            updated_at       timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX scores_status ON ingest.scores (status);

        CREATE TABLE ingest.outbox (
            id           bigserial PRIMARY KEY,
            message_id   uuid NOT NULL UNIQUE,
            message_type text NOT NULL,
            payload      jsonb NOT NULL,
            created_at   timestamptz NOT NULL DEFAULT now(),
            sent_at      timestamptz,
            attempts     int NOT NULL DEFAULT 0,
            last_error   text,
            undeliverable boolean NOT NULL DEFAULT false
        );
        CREATE INDEX outbox_unsent ON ingest.outbox (id) WHERE sent_at IS NULL AND NOT undeliverable;

        CREATE TABLE ingest.reindex_jobs (
            id             uuid PRIMARY KEY,
            model_id       text NOT NULL,
            model_version  text NOT NULL,
            status         text NOT NULL,
            total          bigint NOT NULL,
            done           bigint NOT NULL DEFAULT 0,
            last_score_id  uuid,
            snapshot_at    timestamptz NOT NULL,
            created_at     timestamptz NOT NULL DEFAULT now(),
            updated_at     timestamptz NOT NULL DEFAULT now(),
            completed_at   timestamptz
        );
        CREATE INDEX reindex_jobs_running ON ingest.reindex_jobs (created_at) WHERE status = 'running';
        """,
        // The relay bounds a round by payload bytes without reading the payloads (Outbox/OutboxClaim.cs).
        """
        ALTER TABLE ingest.outbox ADD COLUMN payload_bytes int NOT NULL DEFAULT 0;
        UPDATE ingest.outbox SET payload_bytes = octet_length(payload::text) WHERE sent_at IS NULL;
        """,
        // Deletions the vector store gave up on (Deletes/FailedDeleteRepository.cs).
        """
        CREATE TABLE ingest.failed_deletes (
            score_id        uuid PRIMARY KEY,
            status          text NOT NULL,
            failures        int NOT NULL,
            last_error      text NOT NULL,
            next_attempt_at timestamptz NOT NULL,
            created_at      timestamptz NOT NULL DEFAULT now(),
            updated_at      timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX failed_deletes_waiting ON ingest.failed_deletes (next_attempt_at) WHERE status = 'waiting';
        """,
        // Tenancy. Every score belongs to a tenant; those stored before belong to the default tenant ("default",
        // Tenants.Default). Deduplication by content hash is per tenant.
        """
        ALTER TABLE ingest.scores ADD COLUMN tenant text NOT NULL DEFAULT 'default';
        ALTER TABLE ingest.scores ALTER COLUMN tenant DROP DEFAULT;
        ALTER TABLE ingest.scores DROP CONSTRAINT scores_content_hash_key;
        CREATE UNIQUE INDEX scores_tenant_content_hash ON ingest.scores (tenant, content_hash);
        CREATE INDEX scores_tenant_id ON ingest.scores (tenant, id);
        """,
    ];
}
