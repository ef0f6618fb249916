using Grpc.Core;

namespace Clamp.Query.Upstream;

/// <summary>
/// Runs a call to a backend (the embedding service, the vector store) and turns its failures into statuses
/// the public API's callers can act on: a backend that is down or overloaded is Unavailable (retry later)
/// with the backend named; what the backend says about the request (InvalidArgument, NotFound …) passes through.
/// </summary>
internal static class UpstreamCall
{
    public static async Task<T> RunAsync<T>(string backend, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.ResourceExhausted or StatusCode.Internal or StatusCode.Unknown)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"The {backend} is unavailable: {ex.Status.Detail}"));
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.DeadlineExceeded)
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, $"The {backend} did not answer in time."));
        }
    }
}
