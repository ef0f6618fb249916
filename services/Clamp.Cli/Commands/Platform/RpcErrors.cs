using Grpc.Core;

namespace Clamp.Cli.Commands.Platform;

/// <summary>Turns a failed gRPC call into one line on stderr and exit code 1.</summary>
public static class RpcErrors
{
    public const int Failed = 1;

    public static async Task<int> Run(TextWriter error, Func<Task<int>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException e)
        {
            error.WriteLine($"clamp: {e.StatusCode}: {e.Status.Detail}");
            return Failed;
        }
    }
}
