using System.CommandLine;
using Clamp.Cli.Commands;
using Clamp.Cli.Commands.Platform;

var root = new RootCommand("clamp: read scores, cut them into CLaMP patches, and work with CLaMP models.")
{
    PatchCommand.Create(),
    ConvertCommand.Create(),
    SearchCommand.Create(),
    ClassifyCommand.Create(),
    SimilarCommand.Create(),
    TrainCommand.Create(), EvalCommand.Create(), EmbedCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
