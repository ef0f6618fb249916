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
            ? ["--vhost", virtualHost, "--count", n.ToString(System.Globalization.CultureInfo.InvariantCulture), errorQueue]
            : ["--vhost", virtualHost, errorQueue];
        var (exitCode, output) = await BrokerScripts.RunAsync(platform, "redrive.sh", arguments);
        Assert.True(exitCode == 0, $"redrive.sh failed ({exitCode}): {output}");
        return output;
    }
}
