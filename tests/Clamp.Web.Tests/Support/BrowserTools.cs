using System.Diagnostics;
using Clamp.Inference.Tests.Fixtures;

namespace Clamp.Web.Tests.Support;

/// <summary>
/// What the browser test needs: Debian's Chromium (./test.sh installs it with apt-get through
/// deploy/local/browser.sh; CLAMP_CHROMIUM names another), Node.js, and the npm package playwright-core pinned by
/// Browser/package-lock.json (installed by the test itself with npm ci when missing or out of date).
/// </summary>
public static class BrowserTools
{
    public static string RepoRoot { get; } = Path.GetFullPath(Path.Combine(DefaultModel.Directory, "..", ".."));
    public static string ScriptDirectory { get; } = Path.Combine(RepoRoot, "tests", "Clamp.Web.Tests", "Browser");

    /// <summary>Where the screenshots go: ./test.sh's results folder, kept as test artefacts.</summary>
    public static string ArtifactsDirectory { get; } = Path.Combine(RepoRoot, "artifacts", "test-results", "web");

    public static string? Chromium { get; } = new[]
        {
            Environment.GetEnvironmentVariable("CLAMP_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
        }
        .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));

    public static string? Node { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(directory => Path.Combine(directory, "node"))
        .FirstOrDefault(File.Exists);

    /// <summary>Why the browser test cannot run here, or null when it can.</summary>
    public static string? Missing =>
        Chromium is null
            ? "No Chromium: neither CLAMP_CHROMIUM nor /usr/bin/chromium is there (./test.sh installs Debian's chromium with apt-get; it could not here)."
            : Node is null ? "No Node.js (node) on PATH to run the browser test's playwright-core script." : null;

    /// <summary>Installs playwright-core (npm ci) when Browser/node_modules is missing or older than the lock file.</summary>
    public static async Task EnsurePackagesAsync()
    {
        var installed = Path.Combine(ScriptDirectory, "node_modules", ".package-lock.json");
        var lockFile = Path.Combine(ScriptDirectory, "package-lock.json");
        if (File.Exists(installed) && File.GetLastWriteTimeUtc(installed) >= File.GetLastWriteTimeUtc(lockFile))
            return;
        var (exitCode, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], ScriptDirectory, TimeSpan.FromMinutes(5));
        Assert.True(exitCode == 0, $"npm ci of the browser test's packages failed ({exitCode}):\n{output}");
    }

    /// <summary>Runs a program to its end (or kills it after the timeout); its exit code and all it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, string directory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (output) output.AppendLine($"(killed after {timeout.TotalSeconds:0} s)");
        }
        lock (output) return (process.ExitCode, output.ToString());
    }
}

/// <summary>A fact that needs a browser: skipped, with the reason, only where Chromium or Node.js is not there.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserTools.Missing is { } reason)
            Skip = reason;
    }
}
