using System.CommandLine;
using Clamp.Cli.Commands.Connection;
using Clamp.Contracts.Grpc;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Clamp.Cli.Commands.Platform;

/// <summary>
/// The options every command that talks to the query service shares (<c>--address</c> and <c>--api-key</c> from
/// <see cref="PlatformOptions"/>, <c>--model-version</c>, <c>--timeout</c>), and the client it makes, which presents the
/// API key on every call (metadata <c>x-api-key</c>).
/// </summary>
public sealed class QueryServiceOptions(PlatformOptions platform)
{
    public QueryServiceOptions() : this(new PlatformOptions())
    {
    }

    public PlatformOptions Platform { get; } = platform;

    public Option<string> ModelVersion { get; } = new("--model-version")
    {
        Description = "The model version to use; the serving version when omitted.",
        DefaultValueFactory = _ => "",
    };

    public Option<int> TimeoutSeconds { get; } = new("--timeout")
    {
        Description = "Deadline of the call, in seconds.",
        DefaultValueFactory = _ => 30,
    };

    public void AddTo(Command command)
    {
        Platform.AddQueryTo(command);
        command.Options.Add(ModelVersion);
        command.Options.Add(TimeoutSeconds);
    }

    public (GrpcChannel Channel, ScoreSearch.ScoreSearchClient Client) Connect(ParseResult result)
    {
        var settings = Platform.Settings(result);
        var channel = GrpcChannel.ForAddress(settings.QueryAddress);
        var calls = channel.Intercept(metadata =>
        {
            if (settings.ApiKey is { Length: > 0 } key)
                metadata.Add("x-api-key", key);
            return metadata;
        });
        return (channel, new ScoreSearch.ScoreSearchClient(calls));
    }

    public DateTime Deadline(ParseResult result) => DateTime.UtcNow.AddSeconds(result.GetValue(TimeoutSeconds));
}
