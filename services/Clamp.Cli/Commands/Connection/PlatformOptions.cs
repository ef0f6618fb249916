using System.CommandLine;

namespace Clamp.Cli.Commands.Connection;

/// <summary>
/// The options that say where the platform is (<c>--ingest-url</c>, <c>--api-key</c>, <c>--address</c>); a command
/// adds the ones it needs and gets the <see cref="PlatformSettings"/>, where what is not given comes from the
/// environment, the config file or the defaults.
/// </summary>
public sealed class PlatformOptions
{
    public Option<string?> IngestUrl { get; } = new("--ingest-url")
    {
        Description = $"The ingest API (else ${PlatformSettings.IngestUrlVariable}, the config file's ingestUrl, {PlatformSettings.DefaultIngestUrl}).",
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"The ingest API key (else ${PlatformSettings.ApiKeyVariable}, the config file's apiKey, {PlatformSettings.DefaultApiKey}).",
    };

    public Option<string?> Address { get; } = new("--address")
    {
        Description = $"The query service's gRPC address (else ${PlatformSettings.QueryAddressVariable}, the config file's queryAddress, {PlatformSettings.DefaultQueryAddress}).",
    };

    public void AddIngestTo(Command command)
    {
        command.Options.Add(IngestUrl);
        command.Options.Add(ApiKey);
    }

    public void AddQueryTo(Command command) => command.Options.Add(Address);

    public PlatformSettings Settings(ParseResult result) =>
        PlatformSettings.Resolve(Given(result, IngestUrl), Given(result, ApiKey), Given(result, Address));

    private static string? Given(ParseResult result, Option<string?> option) =>
        result.GetResult(option) is null ? null : result.GetValue(option);
}
