using System.Reflection;

namespace Clamp.Cli.Tests.Support;

/// <summary>
/// The CLI as a person gets it: its .NET tool package made by <c>dotnet pack</c> of services/Clamp.Cli (from this test
/// run's build) into a temporary folder, and installed from there alone with <c>dotnet tool install --tool-path</c>, as
/// deploy/local/cli.sh does. Made once for the tests that share it; removed afterwards.
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private readonly string _folder = Directory.CreateTempSubdirectory("clamp-tool-").FullName;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public string Packages => Path.Combine(_folder, "packages");

    public string ToolPath => Path.Combine(_folder, "tools");

    /// <summary>The installed <c>clamp</c> command.</summary>
    public string Command => Path.Combine(ToolPath, "clamp");

    /// <summary>What restoring the CLI project, packing it and installing the package printed (stdout and stderr).</summary>
    public string SetupOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var project = Path.Combine(RepositoryRoot, "services", "Clamp.Cli", "Clamp.Cli.csproj");
        var configuration = typeof(InstalledTool).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var restore = await Step("dotnet", ["restore", project]);
        var pack = await Step("dotnet", ["pack", project, "-c", configuration, "--no-build", "-o", Packages]);
        var install = await Step("dotnet", ["tool", "install", "clamp", "--source", Packages, "--tool-path", ToolPath]);
        SetupOutput = restore + pack + install;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The files of the installed tool, relative to the tool path.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.GetFiles(ToolPath, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(ToolPath, f)).ToList();

    public Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => ChildProcess.RunAsync(Command, args, Timeout);

    private static async Task<string> Step(string fileName, string[] args)
    {
        var (exitCode, output, error) = await ChildProcess.RunAsync(fileName, args, Timeout);
        Assert.True(exitCode == 0, $"{fileName} {string.Join(' ', args)} failed ({exitCode}):\n{output}\n{error}");
        return output + error;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Clamp.Platform.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("The repository root (Clamp.Platform.sln) was not found above the test folder.");
    }
}
