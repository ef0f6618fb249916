using System.ComponentModel.DataAnnotations;

namespace Clamp.Web;

/// <summary>Where the web service finds the platform and its limits, bound from the "Web" section
/// (environment: Web__IngestAddress, Web__QueryAddress …).</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>Base address of the ingest HTTP API (its /v1 routes).</summary>
    [Required] public Uri IngestAddress { get; set; } = new("http://127.0.0.1:5180");

    /// <summary>gRPC address of the query service (public clamp.v1.ScoreSearch, HTTP/2 cleartext or TLS).</summary>
    [Required] public Uri QueryAddress { get; set; } = new("http://127.0.0.1:5183");

    /// <summary>Largest upload the page may send (one file: a score, a multi-tune ABC file or a zip); the ingest
    /// service applies its own limits after this one.</summary>
    [Range(1, long.MaxValue)] public long MaxUploadBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Longest a call to the query service may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")] public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most results of one search or similarity page.</summary>
    [Range(1, 100)] public int MaxResults { get; set; } = 50;

    /// <summary>Most labels of one classification.</summary>
    [Range(1, 1000)] public int MaxLabels { get; set; } = 50;
}
