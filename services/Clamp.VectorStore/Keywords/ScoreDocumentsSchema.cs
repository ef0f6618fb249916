using Clamp.Contracts.Messages;

namespace Clamp.VectorStore.Keywords;

/// <summary>
/// DDL of keyword search: the <c>unaccent</c> and <c>pg_trgm</c> extensions (both trusted: a database owner may create
/// them), the <see cref="KeywordFields.Configuration"/> text-search configuration, and <c>score_documents</c>, one row
/// per score with its tenant, its weighted <c>tsvector</c> (GIN) and folded titles (trigram GIN). Idempotent; a table of
/// an earlier release gets the tenant column (its rows belong to the default tenant).
/// </summary>
internal static class ScoreDocumentsSchema
{
    public static readonly string Ddl = $$"""
        CREATE EXTENSION IF NOT EXISTS unaccent;
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{{KeywordFields.Configuration}}') THEN
                CREATE TEXT SEARCH CONFIGURATION {{KeywordFields.Configuration}} (COPY = english);
                ALTER TEXT SEARCH CONFIGURATION {{KeywordFields.Configuration}}
                    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
            END IF;
        END $$;
        CREATE TABLE IF NOT EXISTS score_documents (
            score_id           uuid PRIMARY KEY,
            title              text,
            alternative_titles text[] NOT NULL DEFAULT '{}',
            composer           text,
            lyricist           text,
            arranger           text,
            collection         text,
            tags               text[] NOT NULL DEFAULT '{}',
            type               text,
            origin             text,
            notes              text,
            lyrics             text,
            tenant             text NOT NULL DEFAULT '{{Tenants.Default}}',
            titles_folded      text NOT NULL DEFAULT '',
            document           tsvector NOT NULL DEFAULT ''::tsvector,
            updated_at         timestamptz NOT NULL DEFAULT now()
        );
        ALTER TABLE score_documents ADD COLUMN IF NOT EXISTS tenant text NOT NULL DEFAULT '{{Tenants.Default}}';
        CREATE INDEX IF NOT EXISTS score_documents_document ON score_documents USING gin (document);
        CREATE INDEX IF NOT EXISTS score_documents_titles ON score_documents USING gin (titles_folded gin_trgm_ops);
        """;
}
