using System.CommandLine;
using Clamp.Cli.Commands.Connection;

namespace Clamp.Cli.Commands.Platform;

/// <summary>
/// The options every command that talks to the query service shares (<c>--address</c> and <c>--api-key</c> from
/// <see cref="PlatformOptions"/>, <c>--model-version</c>, <c>--timeout</c>), and the connection they make (Clamp.Client:
/// the API key on every call, the timeout as each call's deadline).
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

    public PlatformConnection Connect(ParseResult result) =>
        PlatformConnection.Open(Platform.Settings(result), TimeSpan.FromSeconds(result.GetValue(TimeoutSeconds)));
}
