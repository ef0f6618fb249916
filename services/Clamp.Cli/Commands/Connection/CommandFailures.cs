using Clamp.Client;

namespace Clamp.Cli.Commands.Connection;

/// <summary>
/// Runs a platform command's action and turns its failure into one line on stderr and an exit code
/// (<see cref="ExitCodes"/>): a <see cref="CliFailure"/> keeps its own; a call (gRPC or HTTP, through Clamp.Client) the
/// server did not answer is 3, one it refused for want of credentials 4, any other failed call 1.
/// </summary>
public static class CommandFailures
{
    public static async Task<int> Run(TextWriter error, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (CliFailure e)
        {
            return Report(error, e.ExitCode, e.Message);
        }
        catch (ClampException e)
        {
            var code = e.Failure switch
            {
                ClampFailure.Unreachable => ExitCodes.Unreachable,
                ClampFailure.Unauthenticated => ExitCodes.RefusedKey,
                // An ingest request that timed out is an unreachable server, as before; a gRPC deadline a failed call.
                ClampFailure.DeadlineExceeded when e.GrpcStatus is null => ExitCodes.Unreachable,
                _ => ExitCodes.Failed,
            };
            return Report(error, code, e.Message);
        }
    }

    private static int Report(TextWriter error, int exitCode, string message)
    {
        error.WriteLine($"clamp: {message.ReplaceLineEndings(" ")}");
        return exitCode;
    }
}
