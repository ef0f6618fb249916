using System.Net.Http.Json;
using Clamp.Contracts.Messages;
using MassTransit;

namespace Clamp.Ingest.Tests;

/// <summary>
/// The status of a score follows the messages of the later stages; it only moves forward, so a message
/// delivered twice, late or out of order changes nothing.
/// </summary>
public sealed class ScoreStatusTests(IngestHost host) : IClassFixture<IngestHost>
{
    private static readonly ScoreMetadata FileMetadata = new() { Title = "Abacus", Key = "G major", Meter = "6/8", Type = "jig" };

    [Fact]
    public async Task A_score_moves_from_received_to_patched_to_indexed_and_records_each_model_version_once()
    {
        var (_, score) = await host.UploadAsync("tune.abc", TestScores.UniqueTune());

        await host.Probe.PublishAsync(Patched(score.Id));
        var patched = await host.WaitForStatusAsync(score.Id, "patched");
        Assert.Equal(3, patched.PatchCount);
        Assert.Equal("G major", patched.Metadata.Key);

        await host.Probe.PublishAsync(new ScoreIndexed { ScoreId = score.Id, ModelId = "clamp-small", ModelVersion = "1.0.0" });
        await host.WaitForStatusAsync(score.Id, "indexed");
        await host.Probe.PublishAsync(new ScoreIndexed { ScoreId = score.Id, ModelId = "clamp-small", ModelVersion = "1.0.0" });
        await host.Probe.PublishAsync(new ScoreIndexed { ScoreId = score.Id, ModelId = "clamp-small", ModelVersion = "2.0.0" });

        await Clamp.Testing.Eventually.TrueAsync(async () => (await host.GetScoreAsync(score.Id))!.IndexedModelVersions.Count == 2,
            "the second model version was not recorded", TimeSpan.FromSeconds(30));
        Assert.Equal(["1.0.0", "2.0.0"], (await host.GetScoreAsync(score.Id))!.IndexedModelVersions);
    }

    [Fact]
    public async Task A_failure_is_shown_with_its_stage_code_and_reason_and_a_late_patched_message_does_not_hide_it()
    {
        var (_, score) = await host.UploadAsync("bad.abc", TestScores.UniqueTune());

        await host.Probe.PublishAsync(new ScoreFailed
        {
            ScoreId = score.Id, Stage = PipelineStage.Patching, Code = "abc.no-body", Reason = "tune 1, line 3: the tune has no music after K:",
        });
        var failed = await host.WaitForStatusAsync(score.Id, "failed");
        Assert.Equal(new Clamp.Ingest.Storage.ScoreFailure(PipelineStage.Patching, "abc.no-body", "tune 1, line 3: the tune has no music after K:"), failed.Failure);

        // A late (or redelivered) message of an earlier stage.
        await host.Probe.PublishAsync(Patched(score.Id));
        await WaitForEarlierMessagesAsync();

        Assert.Equivalent(failed, await host.GetScoreAsync(score.Id), strict: true);
    }

    [Fact]
    public async Task A_message_delivered_twice_changes_nothing()
    {
        var (_, score) = await host.UploadAsync("twice.abc", TestScores.UniqueTune());
        var message = Patched(score.Id);
        await host.Probe.PublishAsync(message);
        var first = await host.WaitForStatusAsync(score.Id, "patched");

        await host.Probe.PublishAsync(message);
        await WaitForEarlierMessagesAsync();

        Assert.Equivalent(first, await host.GetScoreAsync(score.Id), strict: true);
    }

    [Fact]
    public async Task A_stage_that_gave_up_after_its_retries_marks_the_score_failed_until_a_redrive_goes_through()
    {
        var (_, score) = await host.UploadAsync("poison.abc", TestScores.UniqueTune());
        var ingested = await host.Probe.WaitForAsync<ScoreIngested>(m => m.ScoreId == score.Id);

        // What MassTransit publishes when the patching consumer gives up (Patching.Tests shows it really does).
        await host.Probe.Bus.Publish<Fault<ScoreIngested>>(new MassTransit.Events.FaultEvent<ScoreIngested>(
            ingested, Guid.NewGuid(), MassTransit.Metadata.HostMetadataCache.Host, new ArgumentNullException("content"), []));

        var failed = await host.WaitForStatusAsync(score.Id, "failed");
        Assert.Equal(PipelineStage.Patching, failed.Failure!.Stage);
        Assert.Equal("pipeline.fault", failed.Failure.Code);
        Assert.Contains("ArgumentNullException", failed.Failure.Reason);

        // Redriven after the cause was fixed, the message goes through: the fault no longer stands.
        await host.Probe.PublishAsync(Patched(score.Id));
        var patched = await host.WaitForStatusAsync(score.Id, "patched");
        Assert.Null(patched.Failure);
    }

    [Fact]
    public async Task A_score_indexed_after_it_was_deleted_is_deleted_again_downstream()
    {
        var (_, score) = await host.UploadAsync("late.abc", TestScores.UniqueTune());
        await host.Client.DeleteAsync($"v1/scores/{score.Id}");
        await host.Probe.WaitForAsync<ScoreDeleted>(m => m.ScoreId == score.Id);

        await host.Probe.PublishAsync(new ScoreIndexed { ScoreId = score.Id, ModelId = "clamp-small", ModelVersion = "1.0.0" });

        await Clamp.Testing.Eventually.TrueAsync(() => host.Probe.Received<ScoreDeleted>().Count(m => m.ScoreId == score.Id) == 2,
            "the deletion was not announced again", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Failed_scores_can_be_listed_page_by_page_with_their_reasons()
    {
        var failedIds = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var (_, score) = await host.UploadAsync($"f{i}.abc", TestScores.UniqueTune());
            await host.Probe.PublishAsync(new ScoreFailed { ScoreId = score.Id, Stage = PipelineStage.Embedding, Code = "model.mismatch", Reason = $"reason {i}" });
            await host.WaitForStatusAsync(score.Id, "failed");
            failedIds.Add(score.Id);
        }
        await host.UploadAsync("ok.abc", TestScores.UniqueTune());

        var listed = new List<Clamp.Ingest.Api.ScoreResponse>();
        Guid? after = null;
        do
        {
            var page = await host.Client.GetFromJsonAsync<Clamp.Ingest.Api.ScoreListResponse>(
                $"v1/scores?status=failed&limit=2{(after is null ? "" : $"&after={after}")}", IngestHost.Json);
            listed.AddRange(page!.Items);
            after = page.Next;
        }
        while (after is not null);

        Assert.All(listed, score => Assert.Equal("failed", score.Status));
        Assert.Equal(listed.Count, listed.Select(s => s.Id).Distinct().Count());
        Assert.Equal(["reason 0", "reason 1", "reason 2"],
            listed.Where(s => failedIds.Contains(s.Id)).Select(s => s.Failure!.Reason));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await host.Client.GetAsync("v1/scores?status=lost")).StatusCode);
    }

    /// <summary>Sends a marker through the same queue and waits for it, so the messages sent before it were consumed.</summary>
    private async Task WaitForEarlierMessagesAsync()
    {
        var (_, marker) = await host.UploadAsync("marker.abc", TestScores.UniqueTune());
        await host.Probe.PublishAsync(Patched(marker.Id));
        await host.WaitForStatusAsync(marker.Id, "patched");
    }

    private static ScorePatched Patched(Guid id) => new()
    {
        ScoreId = id,
        ContentHash = "not-checked-here",
        PatchScheme = "clamp1",
        PatchLength = 64,
        Patches = new byte[3 * 64],
        PatchCount = 3,
        Metadata = FileMetadata,
    };
}
