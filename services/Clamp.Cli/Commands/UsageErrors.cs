using System.CommandLine;
using System.CommandLine.Parsing;
using Clamp.Cli.Commands.Connection;

namespace Clamp.Cli.Commands;

/// <summary>A command line that does not parse: its errors, one line each on stderr, where to get help, and exit code 2.</summary>
public static class UsageErrors
{
    public static int Report(ParseResult result, TextWriter error)
    {
        foreach (var parseError in result.Errors)
            error.WriteLine($"clamp: {parseError.Message}");
        error.WriteLine($"(see '{CommandPath(result)} --help')");
        return ExitCodes.Usage;
    }

    private static string CommandPath(ParseResult result)
    {
        var names = new List<string>();
        for (SymbolResult? symbol = result.CommandResult; symbol is CommandResult command; symbol = command.Parent)
            names.Insert(0, command.Command.Name);
        return string.Join(' ', names);
    }
}
