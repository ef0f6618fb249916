using Clamp.Embedding.Diagnostics;
using Clamp.Inference.Batching;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Clamp.Embedding.Grpc;

/// <summary>
/// A call that finds a batcher's queue full (<see cref="EmbeddingOptions.MaxQueuedItems"/>) is shed: it fails with
/// <see cref="StatusCode.ResourceExhausted"/>, which callers may retry after a back-off, rather than an opaque Unknown,
/// and is counted in clamp.embedding.failures (code queue.full).
/// </summary>
public sealed class QueueFullInterceptor(EmbeddingMetrics metrics) : Interceptor
{
    public const string Code = "queue.full";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        ShedAsync(context, () => continuation(request, context));

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        ShedAsync(context, async () =>
        {
            await continuation(request, responseStream, context);
            return true;
        });

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        ShedAsync(context, () => continuation(requestStream, context));

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        ShedAsync(context, async () =>
        {
            await continuation(requestStream, responseStream, context);
            return true;
        });

    private async Task<T> ShedAsync<T>(ServerCallContext context, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (BatcherFullException ex)
        {
            metrics.Failed(Code, context.Method.Contains("Text", StringComparison.Ordinal) ? Models.ServedModel.TextModality : Models.ServedModel.MusicModality);
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"The embedder is busy: {ex.Message}"));
        }
    }
}
