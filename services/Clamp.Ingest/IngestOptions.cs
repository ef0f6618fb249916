using System.ComponentModel.DataAnnotations;

namespace Clamp.Ingest;

/// <summary>Limits of the ingest API, bound from the "Ingest" configuration section
/// (environment: Ingest__MaxUploadBytes …). Its API keys are the service defaults' (Auth:ApiKeys).</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Where API keys were configured before they moved to Auth:ApiKeys: refused, so an old setting is not silently ignored.</summary>
    public string[] ApiKeys { get; set; } = [];

    public const string ApiKeysMoved = "Ingest:ApiKeys moved to Auth:ApiKeys, where each key names its tenant: " +
        "set Auth__ApiKeys__0__Key (and Auth__ApiKeys__0__Tenant, Auth__ApiKeys__0__Admin) instead of Ingest__ApiKeys__0.";

    /// <summary>Largest request body of POST /v1/scores (one score).</summary>
    [Range(1, long.MaxValue)] public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest request body of POST /v1/scores:batch (a zip or a multi-tune ABC file).</summary>
    [Range(1, long.MaxValue)] public long MaxBatchUploadBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Most scores (zip entries and tunes) one batch may hold.</summary>
    [Range(1, 100_000)] public int MaxBatchItems { get; set; } = 5_000;

    /// <summary>Largest uncompressed zip entry; bigger entries are reported as errors (zip-bomb guard).</summary>
    [Range(1, long.MaxValue)] public long MaxEntryBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest total uncompressed size of one zip (zip-bomb guard).</summary>
    [Range(1, long.MaxValue)] public long MaxBatchUncompressedBytes { get; set; } = 256 * 1024 * 1024;

    /// <summary>Requests per minute allowed to one API key (token bucket, refilled every second).</summary>
    [Range(1, 1_000_000)] public int RequestsPerMinute { get; set; } = 6_000;

    /// <summary>Queue names start with this, so no other service's consumer of the same message shares a queue.</summary>
    [Required] public string EndpointPrefix { get; set; } = "ingest";

    /// <summary>Requests one key may make at once above the steady rate.</summary>
    [Range(1, 1_000_000)] public int RequestBurst { get; set; } = 1_000;
}
