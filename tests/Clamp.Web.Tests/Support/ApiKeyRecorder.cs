using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Clamp.Web.Tests.Support;

/// <summary>A server interceptor of the query service that records the x-api-key metadata of every call, by method.</summary>
public sealed class ApiKeyRecorder : Interceptor
{
    private readonly ConcurrentQueue<(string Method, string? Key)> calls = new();

    public IReadOnlyList<(string Method, string? Key)> Calls => calls.ToArray();

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        calls.Enqueue((context.Method, context.RequestHeaders.GetValue("x-api-key")));
        return continuation(request, context);
    }
}
