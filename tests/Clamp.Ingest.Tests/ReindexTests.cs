using System.Net;
using System.Net.Http.Json;
using Clamp.Contracts.Messages;
using Clamp.Ingest.Api;
using Clamp.Ingest.Reindex;

namespace Clamp.Ingest.Tests;

/// <summary>Re-indexing: every stored score that patching did not reject is announced again for the new model version, with progress.</summary>
public sealed class ReindexTests(IngestHost host) : IClassFixture<IngestHost>
{
    [Fact]
    public async Task A_reindex_job_announces_every_readable_score_for_the_new_version_with_progress()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
            ids.Add((await host.UploadAsync($"{i}.abc", TestScores.UniqueTune())).Body.Id);
        await host.Probe.PublishAsync(new ScoreFailed { ScoreId = ids[4], Stage = PipelineStage.Patching, Code = "abc.no-body", Reason = "no music" });
        await host.WaitForStatusAsync(ids[4], "failed");

        using var admin = host.NewClient(Clamp.Testing.TestCredentials.AdminKey);
        var response = await admin.PostAsJsonAsync("v1/reindex", new ReindexRequest("clamp-small", "2.0.0"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = (await response.Content.ReadFromJsonAsync<ReindexJobResponse>(IngestHost.Json))!;
        Assert.Equal(ReindexJob.IdFor("clamp-small", "2.0.0"), job.Id);

        ReindexJobResponse? current = null;
        await Clamp.Testing.Eventually.TrueAsync(
            async () => (current = await admin.GetFromJsonAsync<ReindexJobResponse>($"v1/reindex/{job.Id}", IngestHost.Json))!.Status == "completed",
            "the job did not complete", TimeSpan.FromSeconds(30));
        Assert.Equal((4L, 4L), (current!.Done, current.Total));

        await Clamp.Testing.Eventually.TrueAsync(() => host.Probe.Received<ScoreIngested>().Count(m => m.TargetModelVersion == "2.0.0") == 4,
            "four scores were not announced for 2.0.0", TimeSpan.FromSeconds(30));
        var announced = host.Probe.Received<ScoreIngested>().Where(m => m.TargetModelVersion == "2.0.0").ToList();
        Assert.Equal(ids.Take(4).Order(), announced.Select(m => m.ScoreId).Order());
        Assert.All(announced, m => Assert.Equal(Clamp.Testing.TestCredentials.Tenant, m.Tenant));

        var last = await host.Probe.WaitForAsync<ReindexProgress>(p => p.JobId == job.Id && p.Completed);
        Assert.Equal((4L, 4L, "2.0.0"), (last.Done, last.Total, last.ModelVersion));
        // Page size 2: progress after each page.
        Assert.True(host.Probe.Received<ReindexProgress>().Count(p => p.JobId == job.Id) >= 2);
    }
}

/// <summary>A published model version starts its re-indexing job by itself (its own database: job totals are exact).</summary>
public sealed class ModelPublishedReindexTests(IngestHost host) : IClassFixture<IngestHost>
{
    [Fact]
    public async Task A_published_model_version_starts_one_job_however_often_it_is_announced()
    {
        await host.UploadAsync("x.abc", TestScores.UniqueTune());
        var published = new ModelPublished { ModelId = "clamp-small", ModelVersion = "3.0.0", EmbeddingDim = 256, PatchScheme = "clamp1" };

        await host.Probe.PublishAsync(published);
        await host.Probe.PublishAsync(published);

        var jobId = ReindexJob.IdFor("clamp-small", "3.0.0");
        await host.Probe.WaitForAsync<ReindexProgress>(p => p.JobId == jobId && p.Completed);
        Assert.Equal(1L, await host.QueryAsync<long>("SELECT count(*) FROM ingest.reindex_jobs WHERE model_version = '3.0.0'"));
        Assert.Single(host.Probe.Received<ReindexProgress>(), p => p.JobId == jobId && p.Completed);
    }
}
