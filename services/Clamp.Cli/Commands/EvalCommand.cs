using System.CommandLine;
using Clamp.Training.CommandLine;

namespace Clamp.Cli.Commands;

/// <summary>
/// <c>clamp eval search|classify --model DIR --data FILE.jsonl</c>: the benchmark contract, run on the served ONNX
/// model (see docs/training.md); the last line printed is one JSON object of metrics.
/// </summary>
public static class EvalCommand
{
    public static Command Create() => EvalCommandFactory.Create();
}
