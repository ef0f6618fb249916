using System.CommandLine;
using Clamp.Training.CommandLine;

namespace Clamp.Cli.Commands;

/// <summary>
/// <c>clamp embed --model DIR --data FILE.jsonl [--out FILE]</c>: the music embedding of every line, in input order,
/// on the served ONNX model (see docs/training.md).
/// </summary>
public static class EmbedCommand
{
    public static Command Create() => EmbedCommandFactory.Create();
}
