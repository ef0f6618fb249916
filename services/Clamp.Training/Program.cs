using System.CommandLine;
using Clamp.Training.CommandLine;

var root = new RootCommand("Clamp.Training: train CLaMP models and evaluate model directories (the same commands as `clamp train`, `clamp eval` and `clamp embed`).")
{
    TrainCommandFactory.Create(),
    EvalCommandFactory.Create(),
    EmbedCommandFactory.Create(),
};

return await root.Parse(args).InvokeAsync();
