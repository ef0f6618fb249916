using System.Diagnostics;

namespace Clamp.Testing;

/// <summary>Runs the repository's broker scripts (scripts/redrive.sh, scripts/migrate-queues.sh) against the test broker
/// (docs/operations.md).</summary>
public static class BrokerScripts
{
    /// <summary>Runs scripts/<paramref name="script"/> with <paramref name="arguments"/>; returns its exit code and what it
    /// printed (standard output, then standard error).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(PlatformInfrastructure platform, string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [ScriptPath(script), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["RABBITMQ_MANAGEMENT_URL"] = platform.RabbitMq.ManagementUri.ToString(),
                ["RABBITMQ_USER"] = platform.RabbitMq.Username,
                ["RABBITMQ_PASSWORD"] = platform.RabbitMq.Password,
                // The redrive script keeps a backup copy of every message it moves under this folder.
                ["CLAMP_STATE_DIR"] = Path.Combine(Path.GetTempPath(), "clamp-redrive-test"),
            },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string ScriptPath(string script)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "scripts", script);
            if (File.Exists(path))
                return path;
        }
        throw new InvalidOperationException($"scripts/{script} not found above {AppContext.BaseDirectory}");
    }
}
