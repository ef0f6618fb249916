using System.Diagnostics;
using Xunit;

namespace Clamp.Testing;

/// <summary>Runs the repository's scripts/redrive.sh against the test broker (docs/operations.md).</summary>
public static class RedriveScript
{
    /// <summary>Moves messages of <paramref name="errorQueue"/> in <paramref name="virtualHost"/> back to their queue;
    /// returns what the script printed. Fails the test when the script fails.</summary>
    public static async Task<string> RunAsync(PlatformInfrastructure platform, string virtualHost, string errorQueue, int? count = null)
    {
        string[] arguments = count is { } n
            ? [ScriptPath(), "--vhost", virtualHost, "--count", n.ToString(System.Globalization.CultureInfo.InvariantCulture), errorQueue]
            : [ScriptPath(), "--vhost", virtualHost, errorQueue];
        var start = new ProcessStartInfo("bash", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["RABBITMQ_MANAGEMENT_URL"] = platform.RabbitMq.ManagementUri.ToString(),
                ["RABBITMQ_USER"] = platform.RabbitMq.Username,
                ["RABBITMQ_PASSWORD"] = platform.RabbitMq.Password,
                // The script keeps a backup copy of every message it moves under this folder.
                ["CLAMP_STATE_DIR"] = Path.Combine(Path.GetTempPath(), "clamp-redrive-test"),
            },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"redrive.sh failed ({process.ExitCode}): {await stderr}");
        return await stdout;
    }

    private static string ScriptPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, "scripts", "redrive.sh");
            if (File.Exists(script))
                return script;
        }
        throw new InvalidOperationException("scripts/redrive.sh not found above " + AppContext.BaseDirectory);
    }
}
