using Clamp.Contracts.Messages;
using Clamp.Testing;

namespace Clamp.Ingest.Tests.Pipeline;

/// <summary>Upload to "patched" or "failed with its reason" through the real patching service.</summary>
public sealed class PipelineTests(PipelineHost host) : IClassFixture<PipelineHost>
{
    [Fact]
    public async Task An_uploaded_tune_is_patched_and_its_status_shows_the_file_metadata()
    {
        var (_, score) = await host.UploadAsync("jig.abc", TestScores.UniqueTune("Kesh"), ("composer", "Trad."));

        var patched = await host.WaitForStatusAsync(score.Id, "patched");

        Assert.True(patched.PatchCount > 1);
        Assert.Equal("D major", patched.Metadata.Key);
        Assert.Equal("6/8", patched.Metadata.Meter);
        Assert.Equal("jig", patched.Metadata.Type);
        Assert.Equal("Trad.", patched.Metadata.Composer);
        Assert.StartsWith("Kesh ", patched.Metadata.Title);
    }

    [Theory]
    [InlineData("bwv66.6.mxl", ScoreFormat.CompressedMusicXml)]
    [InlineData("pop909-001.mid", ScoreFormat.Midi)]
    public async Task A_MusicXml_or_Midi_upload_is_converted_and_patched(string file, ScoreFormat format)
    {
        var (_, score) = await host.UploadAsync(file, TestScores.Sample(file));

        var patched = await host.WaitForStatusAsync(score.Id, "patched");

        Assert.Equal(format, patched.Format);
        Assert.True(patched.PatchCount > 4);
    }

    [Fact]
    public async Task A_score_that_cannot_be_read_ends_failed_with_the_readers_reason_visible_through_the_API()
    {
        var (_, score) = await host.UploadAsync("broken.abc", TestScores.NoMusic());

        var failed = await host.WaitForStatusAsync(score.Id, "failed");

        Assert.Equal(PipelineStage.Patching, failed.Failure!.Stage);
        Assert.StartsWith("abc.", failed.Failure.Code);
        Assert.StartsWith("broken.abc: ", failed.Failure.Reason);
    }

    [Fact]
    public async Task A_batch_with_a_broken_tune_patches_the_others_and_fails_that_one_with_its_reason()
    {
        var file = System.Text.Encoding.UTF8.GetBytes($"""
            X:1
            T:Good one {Guid.NewGuid():N}
            M:4/4
            K:G
            GABc dedB|dedB dedB|

            X:2
            T:No music {Guid.NewGuid():N}

            X:3
            T:Good two {Guid.NewGuid():N}
            M:3/4
            K:Am
            A2 B2 c2|e4 d2|

            """);

        var batch = await host.UploadBatchAsync("set.abc", file);

        Assert.Equal(3, batch.Stored);
        await host.WaitForStatusAsync(batch.Items[0].Id!.Value, "patched");
        var failed = await host.WaitForStatusAsync(batch.Items[1].Id!.Value, "failed");
        Assert.Equal(PipelineStage.Patching, failed.Failure!.Stage);
        await host.WaitForStatusAsync(batch.Items[2].Id!.Value, "patched");
    }

    [Fact]
    public async Task Ingest_and_patching_consume_from_their_own_queues()
    {
        var queues = (await host.Infrastructure.Platform.GetQueuesAsync(host.Infrastructure.VirtualHost)).Select(q => q.Name).ToList();

        Assert.Contains("patching-score-ingested", queues);
        Assert.Contains("ingest-score-patched", queues);
        Assert.Contains("ingest-score-failed", queues);
        Assert.Contains("ingest-score-indexed", queues);
        Assert.Contains("ingest-pipeline-fault", queues);
        Assert.Contains("ingest-model-published", queues);
    }
}
