using System.Diagnostics.Metrics;
using Clamp.Contracts.Grpc;
using Clamp.Embedding.Grpc;
using Clamp.Embedding.Tests.Support;
using Clamp.Testing;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Clamp.Embedding.Tests.Grpc;

/// <summary>
/// The embedder's request queue is bounded (Embedding:MaxQueuedItems per model version and modality): a call that
/// would queue more is shed with RESOURCE_EXHAUSTED, counted, and the service goes on answering once the queue drains.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class QueueLimitTests : IAsyncLifetime
{
    private const int MaxQueued = 4;
    private readonly ModelsFolder _models = new();
    private EmbeddingHost _host = null!;

    public async Task InitializeAsync()
    {
        _models.Add("1.0.0");
        // Items wait up to 2 s for their batch to fill, so the first four are still queued when the fifth comes.
        _host = await EmbeddingHost.StartAsync(_models.Root, new Dictionary<string, string?>
        {
            ["Embedding:MaxQueuedItems"] = MaxQueued.ToString(),
            ["Embedding:MaxBatchWaitMs"] = "2000",
            ["Embedding:TextTokenBudget"] = "1000000",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _models.Dispose();
    }

    [Fact]
    public async Task A_call_with_more_texts_than_the_queue_holds_is_refused_with_resource_exhausted_and_counted()
    {
        using var refusals = new MeasurementRecorder(_host.App.Services.GetRequiredService<IMeterFactory>(), "clamp.embedding.failures");
        var texts = Enumerable.Range(0, 3 * MaxQueued).Select(i => $"a reel, number {i}");

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _host.Client.EmbedTextsAsync(new EmbedTextsRequest { Texts = { texts } }));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains($"{MaxQueued} items", error.Status.Detail);
        Assert.Contains(refusals.Recorded, m => m.Tags["code"] == QueueFullInterceptor.Code && m.Tags["modality"] == "text");
        await AnswersAgainOnceDrainedAsync();
    }

    [Fact]
    public async Task A_stream_that_outruns_the_queue_ends_with_resource_exhausted()
    {
        using var call = _host.Client.StreamEmbedTexts();
        for (var i = 0; i < 3 * MaxQueued; i++)
            await call.RequestStream.WriteAsync(new TextItem { Id = i.ToString(), Text = $"a jig, number {i}" });
        await call.RequestStream.CompleteAsync();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in call.ResponseStream.ReadAllAsync())
            {
            }
        });

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        await AnswersAgainOnceDrainedAsync();
    }

    private async Task AnswersAgainOnceDrainedAsync()
    {
        var model = _host.Registry.Resolve("1.0.0");
        await Eventually.TrueAsync(() => model.Outstanding == 0, "the admitted items did not run", TimeSpan.FromSeconds(30));
        var reply = await _host.Client.EmbedTextsAsync(new EmbedTextsRequest { Texts = { Enumerable.Repeat("a hornpipe", MaxQueued) } });
        Assert.Equal(MaxQueued, reply.Embeddings.Count);
        Assert.All(reply.Embeddings, e => Assert.NotEmpty(e.Values));
    }
}
