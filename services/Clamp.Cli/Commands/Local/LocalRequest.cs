using System.CommandLine;

namespace Clamp.Cli.Commands.Local;

/// <summary>What every local command is given: the model directory, how many results, whether to print JSON, and where to write.</summary>
public sealed record LocalRequest(string ModelDirectory, int K, bool Json, TextWriter Output, TextWriter Error)
{
    /// <summary>The request of a parsed command line: its <c>--model</c> and <c>--json</c>, and its output and error streams.</summary>
    public static LocalRequest Of(ParseResult result, Option<string> model, Option<bool> json, int k) =>
        new(result.GetRequiredValue(model), k, result.GetValue(json), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
}
