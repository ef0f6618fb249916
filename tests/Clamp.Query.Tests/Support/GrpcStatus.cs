using Grpc.Core;

namespace Clamp.Query.Tests.Support;

public static class GrpcStatus
{
    /// <summary>The status a call ends with: OK, or the code of the <see cref="RpcException"/> it throws.</summary>
    public static async Task<StatusCode> Of(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }
}
