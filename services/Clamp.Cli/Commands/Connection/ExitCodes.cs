namespace Clamp.Cli.Commands.Connection;

/// <summary>The exit codes of the platform commands (listed in <c>clamp --help</c> and the README).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Unreachable = 3;
    public const int RefusedKey = 4;
    public const int UnreadableInput = 5;

    public const string Help =
        "Exit codes: 0 success, 1 other failure, 2 usage error (bad options, config file), 3 server unreachable, " +
        "4 API key refused, 5 input unreadable (a missing or unreadable file).";
}
