using System.CommandLine;
using Clamp.Training.CommandLine;

var root = new RootCommand("Clamp.Training: train CLaMP models and evaluate model directories (the same commands as `clamp train` and `clamp eval`).")
{
    TrainCommandFactory.Create(),
    EvalCommandFactory.Create(),
};

return await root.Parse(args).InvokeAsync();
