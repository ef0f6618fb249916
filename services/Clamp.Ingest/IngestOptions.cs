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

    /// <summary>Largest total size of the scores one batch expands to: zip entries unpacked, and multi-tune ABC files cut
    /// into tunes with the file header in front of each (zip-bomb and header-copy guard).</summary>
    [Range(1, long.MaxValue)] public long MaxBatchUncompressedBytes { get; set; } = 256 * 1024 * 1024;

    /// <summary>How many times its own size a multi-tune ABC file may grow when cut into tunes (its header is copied into
    /// each); a file that would grow more is an error item (batch.header-too-large), so a large header shared by
    /// thousands of tunes cannot multiply what is stored.</summary>
    [Range(1, 1_000)] public int MaxAbcExpansionFactor { get; set; } = 8;

    /// <summary>Requests per minute allowed to one API key (token bucket, refilled every second).</summary>
    [Range(1, 1_000_000)] public int RequestsPerMinute { get; set; } = 6_000;

    /// <summary>Queue names start with this, so no other service's consumer of the same message shares a queue.</summary>
    [Required] public string EndpointPrefix { get; set; } = "ingest";

    /// <summary>Requests one key may make at once above the steady rate.</summary>
    [Range(1, 1_000_000)] public int RequestBurst { get; set; } = 1_000;

    /// <summary>How long reading one upload's body may take in all; a stalled or trickling upload is answered
    /// 408 (<c>upload.timeout</c>) when it passes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")] public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The slowest an upload's body may arrive, after a grace of <see cref="UploadGracePeriod"/>: slower is
    /// answered 408 (<c>upload.too-slow</c>) or the connection is closed.</summary>
    [Range(1, 1_000_000_000)] public double MinUploadBytesPerSecond { get; set; } = 240;

    /// <summary>Kestrel checks the rate once a second: the grace period must be longer than that.</summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:10:00")] public TimeSpan UploadGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest value of one metadata field (title, composer, a tag, an extra field …).</summary>
    [Range(1, 1_000_000)] public int MaxMetadataFieldLength { get; set; } = 1_000;

    /// <summary>Lyrics are a whole song's words: they may be longer than the other fields.</summary>
    [Range(1, 1_000_000)] public int MaxLyricsLength { get; set; } = 20_000;

    /// <summary>Longest name of a form field (e.g. "extra.NAME").</summary>
    [Range(1, 10_000)] public int MaxMetadataKeyLength { get; set; } = 100;

    /// <summary>Most distinct tags of one upload.</summary>
    [Range(0, 100_000)] public int MaxTags { get; set; } = 100;

    /// <summary>Most distinct alternative titles of one upload.</summary>
    [Range(0, 100_000)] public int MaxAlternativeTitles { get; set; } = 20;

    /// <summary>Most "extra.NAME" fields of one upload.</summary>
    [Range(0, 100_000)] public int MaxExtraFields { get; set; } = 50;

    /// <summary>Most bytes (UTF-8) of every form field's name and values together, the file aside.</summary>
    [Range(1, int.MaxValue)] public int MaxMetadataBytes { get; set; } = 128 * 1024;
}
