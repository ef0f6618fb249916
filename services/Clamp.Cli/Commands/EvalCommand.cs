using System.CommandLine;
using Clamp.Training.CommandLine;

namespace Clamp.Cli.Commands;

/// <summary>
/// <c>clamp eval search|classify --model DIR --data FILE.jsonl</c>: the benchmark contract, run on the served ONNX
/// model (see docs/training.md), or for search on a running platform with <c>--server</c>; the last line printed is one
/// JSON object of metrics.
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var eval = EvalCommandFactory.Create();
        ServerEval.ServerSearchOptions.AttachTo(eval.Subcommands.Single(c => c.Name == "search"));
        return eval;
    }
}
