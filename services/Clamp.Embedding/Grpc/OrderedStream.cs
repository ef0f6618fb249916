using System.Threading.Channels;
using Grpc.Core;

namespace Clamp.Embedding.Grpc;

/// <summary>
/// Answers a request stream in order while its items are in flight together: each request starts at once (so the
/// items of one stream meet in the same batches) and the answers are written in request order.
/// </summary>
internal static class OrderedStream
{
    public static async Task RunAsync<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requests,
        IServerStreamWriter<TResponse> responses,
        Func<TRequest, Task<TResponse>> answer,
        int maxInFlight,
        CancellationToken cancellationToken)
    {
        var inFlight = Channel.CreateBounded<Task<TResponse>>(new BoundedChannelOptions(maxInFlight) { SingleReader = true, SingleWriter = true });
        var writer = WriteAsync(inFlight.Reader, responses, cancellationToken);
        try
        {
            await foreach (var request in requests.ReadAllAsync(cancellationToken))
            {
                await inFlight.Writer.WriteAsync(answer(request), cancellationToken);
            }
        }
        finally
        {
            inFlight.Writer.TryComplete();
        }

        await writer;
    }

    private static async Task WriteAsync<TResponse>(
        ChannelReader<Task<TResponse>> inFlight, IServerStreamWriter<TResponse> responses, CancellationToken cancellationToken)
    {
        await foreach (var pending in inFlight.ReadAllAsync(cancellationToken))
        {
            await responses.WriteAsync(await pending, cancellationToken);
        }
    }
}
