using System.CommandLine;
using Clamp.Training.CommandLine;

namespace Clamp.Cli.Commands;

/// <summary><c>clamp train</c>: the training job of <c>services/Clamp.Training</c> (see docs/training.md).</summary>
public static class TrainCommand
{
    public static Command Create() => TrainCommandFactory.Create();
}
