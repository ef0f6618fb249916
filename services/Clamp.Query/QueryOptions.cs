using System.ComponentModel.DataAnnotations;
using Clamp.Music.Patching;

namespace Clamp.Query;

/// <summary>Where the query service finds its backends and how it answers. Bound from the "Query" section
/// (environment: Query__EmbedderAddress, Query__VectorStoreAddress …).</summary>
public sealed class QueryOptions
{
    public const string Section = "Query";

    /// <summary>gRPC address of the embedding service (HTTP/2 cleartext on loopback, e.g. http://127.0.0.1:5181).</summary>
    [Required] public Uri EmbedderAddress { get; set; } = new("http://127.0.0.1:5181");

    /// <summary>gRPC address of the vector store.</summary>
    [Required] public Uri VectorStoreAddress { get; set; } = new("http://127.0.0.1:5182");

    /// <summary>Results per page when a request does not say.</summary>
    [Range(1, 100)] public int DefaultK { get; set; } = 10;

    /// <summary>Most results per page.</summary>
    [Range(1, 999)] public int MaxK { get; set; } = 100;

    /// <summary>
    /// Multiplier of cosine similarities before the softmax of zero-shot classification (CLIP's learned logit
    /// scale is clamped to 100; the embedding service does not report a model temperature).
    /// </summary>
    [Range(0.001, 1000)] public double LogitScale { get; set; } = 100;

    /// <summary>Prompt template of classification when neither the request nor the model's manifest gives one.</summary>
    [Required] public string DefaultTemplate { get; set; } = ModelInput.DefaultPromptTemplate;

    [Range(1, 1000)] public int MaxLabels { get; set; } = 100;

    /// <summary>Longest query text accepted, in characters.</summary>
    [Range(1, 100_000)] public int MaxQueryLength { get; set; } = 2000;

    /// <summary>
    /// Hybrid search fuses the first this many results of each ranking (reciprocal rank fusion), the same on every
    /// page; a hybrid search has at most twice this many results.
    /// </summary>
    [Range(10, 1000)] public int FusionDepth { get; set; } = 200;

    /// <summary>The constant k of reciprocal rank fusion: score = sum over rankings of 1 / (k + rank).</summary>
    [Range(1, 10_000)] public int FusionK { get; set; } = 10;

    /// <summary>
    /// The keyword score from which a keyword hit counts fully in hybrid fusion; below it, by the square of the ratio
    /// (a keyword score is query coverage + title similarity + ts_rank: 1 is a title, or all the query's words).
    /// Chosen on the dev sets (docs/search.md).
    /// </summary>
    [Range(0.001, 10.0)] public double KeywordConfidence { get; set; } = 1.5;

    /// <summary>The weight of a confident keyword hit in hybrid fusion (a semantic hit's is 1).</summary>
    [Range(0.0, 100.0)] public double KeywordWeight { get; set; } = 2.0;

    /// <summary>
    /// Most texts (queries, label prompts) whose embeddings are kept, per query service instance (about 1 kB each
    /// with a 128-d model); 0 embeds every text every time.
    /// </summary>
    [Range(0, 10_000_000)] public int TextEmbeddingCacheEntries { get; set; } = 10_000;

    /// <summary>How long the serving model version is cached.</summary>
    [Range(0, 60_000)] public int ServingVersionCacheMs { get; set; } = 1000;
}
