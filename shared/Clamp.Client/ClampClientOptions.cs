namespace Clamp.Client;

/// <summary>
/// Where the platform is, the key to its public APIs and how patiently to call them. Bound from configuration by
/// <see cref="ClampClientServiceCollectionExtensions.AddClampClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration)"/>
/// (section keys are the property names: <c>IngestUrl</c>, <c>QueryAddress</c>, <c>ApiKey</c>, <c>Timeout</c>, <c>RetryCount</c>).
/// </summary>
public sealed class ClampClientOptions
{
    /// <summary>The ingest API (HTTP), e.g. <c>http://127.0.0.1:5180</c>.</summary>
    public Uri IngestUrl { get; set; } = new("http://127.0.0.1:5180");

    /// <summary>The query service (gRPC <c>clamp.v1.ScoreSearch</c>), e.g. <c>http://127.0.0.1:5183</c>.</summary>
    public Uri QueryAddress { get; set; } = new("http://127.0.0.1:5183");

    /// <summary>The API key, sent as <c>X-Api-Key</c> (ingest) and metadata <c>x-api-key</c> (query); none when empty.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Deadline of each gRPC call and time limit of each HTTP request (default 30 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Retries of a transiently failed call (default 3): a gRPC call answered UNAVAILABLE, an HTTP request answered
    /// 429 or 503 (after the server's Retry-After, else a second). 0 turns retries off.
    /// </summary>
    public int RetryCount { get; set; } = 3;

    internal IEnumerable<string> Problems()
    {
        if (!IngestUrl.IsAbsoluteUri || IngestUrl.Scheme is not ("http" or "https")) yield return $"IngestUrl '{IngestUrl}' is not an http(s) address";
        if (!QueryAddress.IsAbsoluteUri || QueryAddress.Scheme is not ("http" or "https")) yield return $"QueryAddress '{QueryAddress}' is not an http(s) address";
        if (Timeout <= TimeSpan.Zero) yield return "Timeout must be positive";
        if (RetryCount is < 0 or > 10) yield return "RetryCount must be between 0 and 10";
    }
}
