using System.CommandLine;
using Clamp.Training.CommandLine;

var root = new RootCommand(
    "Clamp.Training: train CLaMP models on the shared data and write their ONNX model directories (train), and plot a " +
    "scaling study of training runs (scaling). Evaluating and embedding with a model directory is the CLI's (clamp eval, clamp embed).")
{
    TrainCommandFactory.Create(),
    ScalingCommandFactory.Create(),
};

return await root.Parse(args).InvokeAsync();
