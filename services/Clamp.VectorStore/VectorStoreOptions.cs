using System.ComponentModel.DataAnnotations;

namespace Clamp.VectorStore;

/// <summary>How the vector store indexes and searches. Bound from the "VectorStore" section
/// (environment: VectorStore__HnswM …).</summary>
public sealed class VectorStoreOptions
{
    public const string Section = "VectorStore";

    /// <summary>Distance of the HNSW index; embeddings are L2-normalised, so both rank alike.</summary>
    public VectorDistance Distance { get; set; } = VectorDistance.Cosine;

    /// <summary>HNSW graph degree (pgvector <c>m</c>).</summary>
    [Range(2, 100)] public int HnswM { get; set; } = 16;

    /// <summary>HNSW candidate list size while building (pgvector <c>ef_construction</c>).</summary>
    [Range(4, 1000)] public int HnswEfConstruction { get; set; } = 64;

    /// <summary>HNSW candidate list size while searching (<c>hnsw.ef_search</c>); raised to offset + k when a page needs more.</summary>
    [Range(1, 1000)] public int HnswEfSearch { get; set; } = 100;

    /// <summary>maintenance_work_mem for an HNSW build; the build is much slower when the graph does not fit.</summary>
    [Required] public string IndexBuildMemory { get; set; } = "512MB";

    /// <summary>Most results one Nearest call may ask for (the query service asks for a page and one more).</summary>
    [Range(1, 1000)] public int MaxK { get; set; } = 1000;

    /// <summary>Deepest result (offset + k) a page may reach.</summary>
    [Range(1, 100_000)] public int MaxDepth { get; set; } = 10_000;

    /// <summary>
    /// Trigram word similarity (pg_trgm) from which a query matches a title despite typos: 0.5 finds "Drowsey Magie"
    /// for "Drowsy Maggie" (0.56); pg_trgm's own default, 0.6, does not.
    /// </summary>
    [Range(0.1, 1.0)] public double TitleSimilarityThreshold { get; set; } = 0.5;

    /// <summary>Longest keyword query accepted (characters).</summary>
    [Range(1, 100_000)] public int MaxKeywordQueryLength { get; set; } = 2_000;

    /// <summary>Messages the "score embedded" consumer takes in one batch (one COPY + one upsert).</summary>
    [Range(1, 1000)] public int BatchSize { get; set; } = 100;

    /// <summary>How long the batch consumer waits to fill a batch.</summary>
    [Range(1, 10_000)] public int BatchTimeLimitMs { get; set; } = 50;

    /// <summary>Batches processed at the same time.</summary>
    [Range(1, 64)] public int BatchConcurrency { get; set; } = 2;

    /// <summary>Retries of a failing message (exponential backoff) before it goes to the error queue.</summary>
    [Range(0, 100)] public int RetryLimit { get; set; } = 8;

    [Range(1, 600_000)] public int RetryMinIntervalMs { get; set; } = 200;

    [Range(1, 600_000)] public int RetryMaxIntervalMs { get; set; } = 15_000;

    /// <summary>How long the model version list is cached for searches.</summary>
    [Range(0, 60_000)] public int VersionCacheMs { get; set; } = 1000;
}
