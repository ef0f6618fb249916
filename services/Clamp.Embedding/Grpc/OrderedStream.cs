using System.Threading.Channels;
using Grpc.Core;

namespace Clamp.Embedding.Grpc;

/// <summary>
/// Answers a request stream in order while its items are in flight together: each request starts at once (so the
/// items of one stream meet in the same batches) and the answers are written in request order. An answer that fails
/// (e.g. the batcher's queue is full) ends the call with that failure; the requests still coming are not read.
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
        using var answersFailed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writer = WriteAsync(inFlight.Reader, responses, answersFailed, cancellationToken);
        try
        {
            await foreach (var request in requests.ReadAllAsync(answersFailed.Token))
            {
                await inFlight.Writer.WriteAsync(answer(request), answersFailed.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The writer failed and stopped the reading: the call ends with the writer's failure, below.
        }
        finally
        {
            inFlight.Writer.TryComplete();
        }

        await writer;
    }

    private static async Task WriteAsync<TResponse>(
        ChannelReader<Task<TResponse>> inFlight, IServerStreamWriter<TResponse> responses, CancellationTokenSource failed, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var pending in inFlight.ReadAllAsync(cancellationToken))
            {
                await responses.WriteAsync(await pending, cancellationToken);
            }
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
    }
}
