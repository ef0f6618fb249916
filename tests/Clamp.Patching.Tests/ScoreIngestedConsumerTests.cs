using Clamp.Contracts.Messages;
using Clamp.Testing;
using MassTransit;

namespace Clamp.Patching.Tests;

/// <summary>The patching service over a real RabbitMQ: patched, failed with reason, poison messages, repeated deliveries.</summary>
public sealed class ScoreIngestedConsumerTests(PatchingHost host) : IClassFixture<PatchingHost>
{
    [Fact]
    public async Task An_ingested_score_is_published_as_patched()
    {
        var score = Scores.Ingested("jigs.abc", Scores.SampleTune("jigs.abc", 0), new ScoreMetadata { Type = "jig" });

        await host.Probe.PublishAsync(score);

        var patched = await host.Probe.WaitForAsync<ScorePatched>(m => m.ScoreId == score.ScoreId);
        Assert.Equal(score.ContentHash, patched.ContentHash);
        Assert.Equal("jig", patched.Metadata.Type);
        Assert.Equal("A and D", patched.Metadata.Title);
        Assert.True(patched.PatchCount > 4);
    }

    [Fact]
    public async Task An_unreadable_score_is_published_as_failed_with_its_reason()
    {
        var score = Scores.Ingested("broken.abc", Scores.NoMusic);

        await host.Probe.PublishAsync(score);

        var failed = await host.Probe.WaitForAsync<ScoreFailed>(m => m.ScoreId == score.ScoreId);
        Assert.Equal(PipelineStage.Patching, failed.Stage);
        Assert.StartsWith("broken.abc: ", failed.Reason);
        Assert.DoesNotContain(host.Probe.Received<ScorePatched>(), m => m.ScoreId == score.ScoreId);
    }

    [Fact]
    public async Task A_repeated_delivery_publishes_the_same_result_again()
    {
        var score = Scores.Ingested("reels.abc", Scores.SampleTune("reels.abc", 3));

        await host.Probe.PublishAsync(score);
        await host.Probe.PublishAsync(score);

        await Eventually.TrueAsync(() => host.Probe.Received<ScorePatched>().Count(m => m.ScoreId == score.ScoreId) == 2,
            "both deliveries were not patched", TimeSpan.FromSeconds(30));
        var results = host.Probe.Received<ScorePatched>().Where(m => m.ScoreId == score.ScoreId).ToList();
        Assert.Equal(results[0].Patches, results[1].Patches);
        Assert.Equivalent(results[0].Metadata, results[1].Metadata, strict: true);
    }

    [Fact]
    public async Task A_poison_message_is_retried_then_moved_to_the_error_queue_and_reported_as_a_fault()
    {
        // No content at all: the importer throws (not a read error of the score), so retries cannot help.
        var poison = Scores.Ingested("poison.abc", []) with { Content = null! };

        await host.Probe.PublishAsync(poison);

        var fault = await host.Probe.WaitForAsync<Fault<ScoreIngested>>(f => f.Message.ScoreId == poison.ScoreId);
        Assert.Contains(fault.Exceptions, e => e.ExceptionType.Contains("ArgumentNullException"));
        IReadOnlyList<QueueInfo> queues = [];
        await Eventually.TrueAsync(async () =>
                (queues = await host.Infrastructure.Platform.GetQueuesAsync(host.Infrastructure.VirtualHost))
                .Any(q => q.Name == "patching-score-ingested_error" && q.Messages >= 1),
            () => $"the poison message is not in patching-score-ingested_error ({string.Join(", ", queues.Select(q => $"{q.Name}: {q.Messages}"))})",
            TimeSpan.FromSeconds(60));
        Assert.DoesNotContain(host.Probe.Received<ScorePatched>(), m => m.ScoreId == poison.ScoreId);
    }
}
