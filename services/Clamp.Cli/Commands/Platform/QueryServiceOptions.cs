using System.CommandLine;
using Clamp.Contracts.Grpc;
using Grpc.Net.Client;

namespace Clamp.Cli.Commands.Platform;

/// <summary>The options every command that talks to the query service shares, and the client it makes.</summary>
public sealed class QueryServiceOptions
{
    public const string DefaultAddress = "http://127.0.0.1:5183";

    public Option<string> Address { get; } = new("--address")
    {
        Description = "The query service's gRPC address (also CLAMP_QUERY_ADDRESS).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CLAMP_QUERY_ADDRESS") ?? DefaultAddress,
    };

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
        command.Options.Add(Address);
        command.Options.Add(ModelVersion);
        command.Options.Add(TimeoutSeconds);
    }

    public (GrpcChannel Channel, ScoreSearch.ScoreSearchClient Client) Connect(ParseResult result)
    {
        var channel = GrpcChannel.ForAddress(result.GetRequiredValue(Address));
        return (channel, new ScoreSearch.ScoreSearchClient(channel));
    }

    public DateTime Deadline(ParseResult result) => DateTime.UtcNow.AddSeconds(result.GetValue(TimeoutSeconds));
}
