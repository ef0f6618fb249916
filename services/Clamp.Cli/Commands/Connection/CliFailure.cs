namespace Clamp.Cli.Commands.Connection;

/// <summary>A failure a command reports as one line on stderr and <see cref="ExitCode"/> (see <see cref="ExitCodes"/>).</summary>
public sealed class CliFailure(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
