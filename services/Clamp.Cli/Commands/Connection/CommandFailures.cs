using Grpc.Core;

namespace Clamp.Cli.Commands.Connection;

/// <summary>
/// Runs a platform command's action and turns its failure into one line on stderr and an exit code
/// (<see cref="ExitCodes"/>): a <see cref="CliFailure"/> keeps its own; a gRPC call the server did not answer is 3,
/// one it refused for want of credentials 4, any other failed call 1.
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
        catch (IngestRefusal e)
        {
            return Report(error, ExitCodes.Failed, e.Message);
        }
        catch (RpcException e)
        {
            var code = e.StatusCode switch
            {
                StatusCode.Unavailable => ExitCodes.Unreachable,
                StatusCode.Unauthenticated or StatusCode.PermissionDenied => ExitCodes.RefusedKey,
                _ => ExitCodes.Failed,
            };
            return Report(error, code, $"{e.StatusCode}: {e.Status.Detail}");
        }
    }

    private static int Report(TextWriter error, int exitCode, string message)
    {
        error.WriteLine($"clamp: {message.ReplaceLineEndings(" ")}");
        return exitCode;
    }
}
