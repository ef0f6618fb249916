namespace Clamp.Cli.Tests.Support;

/// <summary>The contract for a failure: exactly one line on stderr.</summary>
public static class ErrorLine
{
    public static string Of(string error) => Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
}
