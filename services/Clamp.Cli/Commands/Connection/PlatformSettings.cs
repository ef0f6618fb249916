namespace Clamp.Cli.Commands.Connection;

/// <summary>
/// Where the platform is and the key to its public APIs (ingest and query): the one home of these settings and their
/// defaults (the addresses of the local platform <c>./run.sh</c> starts; its key is random, in the env.sh of
/// deploy/local/up.sh, so there is no default key). Each setting is taken from the first that has it: the command-line
/// option, the environment variable, the config file (<see cref="PlatformConfigFile"/>), the default.
/// </summary>
public sealed record PlatformSettings(Uri IngestUrl, string? ApiKey, Uri QueryAddress)
{
    public const string DefaultIngestUrl = "http://127.0.0.1:5180";
    public const string DefaultQueryAddress = "http://127.0.0.1:5183";

    public const string IngestUrlVariable = "CLAMP_INGEST_URL";
    public const string ApiKeyVariable = "CLAMP_API_KEY";
    public const string QueryAddressVariable = "CLAMP_QUERY_ADDRESS";

    /// <summary>The settings from the options given (null when not given), the environment, the config file and the defaults.</summary>
    public static PlatformSettings Resolve(string? ingestUrl, string? apiKey, string? queryAddress)
    {
        var file = PlatformConfigFile.Load();
        return new PlatformSettings(
            Address(ingestUrl ?? Environment(IngestUrlVariable) ?? file.IngestUrl ?? DefaultIngestUrl, "ingest URL"),
            apiKey ?? Environment(ApiKeyVariable) ?? file.ApiKey,
            Address(queryAddress ?? Environment(QueryAddressVariable) ?? file.QueryAddress ?? DefaultQueryAddress, "query address"));
    }

    private static string? Environment(string name) =>
        System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    private static Uri Address(string text, string what) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CliFailure(ExitCodes.Usage, $"the {what} '{text}' is not an http(s) address");
}
