using System.CommandLine;

namespace Clamp.Cli.Tests.Support;

/// <summary>Runs a command line in-process with stdout and stderr captured (tests using it belong to the console collection).</summary>
public static class CommandRunner
{
    public static (int Exit, string Output, string Errors) Run(Command command, params string[] args)
    {
        var root = new RootCommand { command };
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        Console.SetOut(output);
        Console.SetError(errors);
        try
        {
            var exit = root.Parse(args).Invoke();
            return (exit, output.ToString(), errors.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    public static string LastLine(string output) => output.TrimEnd().Split('\n')[^1];
}
