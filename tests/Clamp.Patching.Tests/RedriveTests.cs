using Clamp.Contracts.Messages;
using Clamp.Testing;
using MassTransit;

namespace Clamp.Patching.Tests;

/// <summary>scripts/redrive.sh moves what ended in an "_error" queue back to its consumer (docs/operations.md).</summary>
public sealed class RedriveTests(PatchingHost host) : IClassFixture<PatchingHost>
{
    private const string ErrorQueue = "patching-score-ingested_error";

    [Fact]
    public async Task A_message_in_the_error_queue_is_moved_back_to_its_consumer()
    {
        var poison = Scores.Ingested("poison.abc", []) with { Content = null! };
        await host.Probe.PublishAsync(poison);
        await host.Probe.WaitForAsync<Fault<ScoreIngested>>(f => f.Message.ScoreId == poison.ScoreId);
        await WaitForErrorQueueAsync(messages => messages == 1);

        var output = await RunRedriveAsync();

        Assert.Contains($"moved 1 message(s) from {ErrorQueue} to patching-score-ingested", output);
        // Consumed again: it fails again (the cause was not fixed here), and so comes back to the error queue.
        await Eventually.TrueAsync(() => host.Probe.Received<Fault<ScoreIngested>>().Count(f => f.Message.ScoreId == poison.ScoreId) == 2,
            "the redriven message was not consumed again", TimeSpan.FromSeconds(60));
        await WaitForErrorQueueAsync(messages => messages == 1);
    }

    private async Task WaitForErrorQueueAsync(Func<long, bool> expected)
    {
        long messages = -1;
        await Eventually.TrueAsync(async () =>
            {
                var queues = await host.Infrastructure.Platform.GetQueuesAsync(host.Infrastructure.VirtualHost);
                messages = queues.FirstOrDefault(q => q.Name == ErrorQueue)?.Messages ?? -1;
                return expected(messages);
            },
            () => $"{ErrorQueue} holds {messages} message(s)", TimeSpan.FromSeconds(60));
    }

    private Task<string> RunRedriveAsync() =>
        RedriveScript.RunAsync(host.Infrastructure.Platform, host.Infrastructure.VirtualHost, ErrorQueue);
}
