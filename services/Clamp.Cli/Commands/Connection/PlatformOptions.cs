using System.CommandLine;

namespace Clamp.Cli.Commands.Connection;

/// <summary>
/// The options that say where the platform is (<c>--ingest-url</c>, <c>--address</c>) and the API key both its public
/// APIs take (<c>--api-key</c>); a command adds the ones it needs and gets the <see cref="PlatformSettings"/>, where
/// what is not given comes from the environment, the config file or the defaults.
/// </summary>
public sealed class PlatformOptions
{
    public Option<string?> IngestUrl { get; } = new("--ingest-url")
    {
        Description = $"The ingest API (else ${PlatformSettings.IngestUrlVariable}, the config file's ingestUrl, {PlatformSettings.DefaultIngestUrl}).",
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"The API key of the ingest API and the query service (else ${PlatformSettings.ApiKeyVariable}, the config file's apiKey).",
    };

    public Option<string?> Address { get; } = new("--address")
    {
        Description = $"The query service's gRPC address (else ${PlatformSettings.QueryAddressVariable}, the config file's queryAddress, {PlatformSettings.DefaultQueryAddress}).",
    };

    public void AddIngestTo(Command command)
    {
        command.Options.Add(IngestUrl);
        AddOnce(command, ApiKey);
    }

    public void AddQueryTo(Command command)
    {
        command.Options.Add(Address);
        AddOnce(command, ApiKey);
    }

    /// <summary>The key is one option however many of the platform's APIs a command talks to.</summary>
    private static void AddOnce(Command command, Option option)
    {
        if (!command.Options.Contains(option))
            command.Options.Add(option);
    }

    public PlatformSettings Settings(ParseResult result) =>
        PlatformSettings.Resolve(Given(result, IngestUrl), Given(result, ApiKey), Given(result, Address));

    private static string? Given(ParseResult result, Option<string?> option) =>
        result.GetResult(option) is null ? null : result.GetValue(option);
}
