using System.Diagnostics;
using Clamp.Cli.Tests.Support;

namespace Clamp.Cli.Tests;

/// <summary>
/// Runs the real <c>clamp</c> CLI (the built clamp.dll) as a process. The platform settings of the environment
/// (CLAMP_INGEST_URL, CLAMP_API_KEY, CLAMP_QUERY_ADDRESS, CLAMP_CONFIG) are removed and the config directory points
/// at an empty place, so only what a test gives reaches the CLI.
/// </summary>
public static class ClampProcess
{
    private static readonly string[] PlatformVariables = ["CLAMP_INGEST_URL", "CLAMP_API_KEY", "CLAMP_QUERY_ADDRESS", "CLAMP_CONFIG"];
    private static readonly string NoConfigHome = Path.Combine(Path.GetTempPath(), $"clamp-cli-tests-{Guid.NewGuid():N}");

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string? standardInput, params string[] args) =>
        RunAsync(standardInput, new Dictionary<string, string?>(), args);

    /// <summary>Runs the CLI with these environment variables set (or removed, for null).</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunAsync(null, environment, args);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string? standardInput, IReadOnlyDictionary<string, string?> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "clamp.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in PlatformVariables)
        {
            start.Environment.Remove(name);
        }

        start.Environment["XDG_CONFIG_HOME"] = NoConfigHome;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return await ChildProcess.RunAsync(start, standardInput, TimeSpan.FromMinutes(3));
    }

    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);
}
