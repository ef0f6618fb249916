using System.CommandLine;
using Clamp.Cli.Commands;

var root = new RootCommand("clamp: read scores, cut them into CLaMP patches, and work with CLaMP models.")
{
    PatchCommand.Create(),
    ConvertCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
