using Clamp.Contracts.Grpc;
using Clamp.Embedding.Tests.Support;
using Clamp.Testing;
using Grpc.Core;

namespace Clamp.Embedding.Tests.Grpc;

public sealed class DeadlineTests
{
    [Fact]
    public async Task A_call_whose_deadline_passes_while_its_items_wait_for_a_batch_ends_with_deadline_exceeded()
    {
        using var models = new ModelsFolder();
        models.Add("1.0.0");
        // A batch waits up to 10 s to fill: the call's 300 ms deadline passes first.
        await using var host = await EmbeddingHost.StartAsync(models.Root, new Dictionary<string, string?>
        {
            ["Embedding:MaxBatchWaitMs"] = "10000",
            ["Embedding:TextTokenBudget"] = "1000000",
        });

        var error = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.EmbedTextsAsync(
            new EmbedTextsRequest { Texts = { "a polka" } }, deadline: DateTime.UtcNow.AddMilliseconds(300)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        // The server cancelled the waiting item (its batch would only have run 10 s later).
        var model = host.Registry.Resolve("1.0.0");
        await Eventually.TrueAsync(() => model.Outstanding == 0, "the expired item is still waiting", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Before_any_model_is_loaded_calls_are_unavailable_and_the_service_is_not_ready()
    {
        using var models = new ModelsFolder();
        await using var host = await EmbeddingHost.StartAsync(models.Root);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await host.Client.EmbedTextsAsync(new EmbedTextsRequest { Texts = { "a polka" } }));
        using var health = await host.Http.GetAsync("/health");

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("No model is loaded and warmed up yet", await health.Content.ReadAsStringAsync());
    }
}
