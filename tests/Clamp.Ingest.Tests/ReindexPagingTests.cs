using System.Net.Http.Json;
using Clamp.Contracts.Messages;
using Clamp.Ingest.Api;
using Clamp.Ingest.Reindex;
using Clamp.Testing;

namespace Clamp.Ingest.Tests;

/// <summary>A re-indexing step reads at most Ingest:Reindex:MaxPageBytes of score content: large scores make short
/// pages (one score at least), small ones fill a page up to the limit.</summary>
[Trait("Suite", "Hostile")]
public sealed class ReindexPagingTests(ReindexPagingTests.Host host) : IClassFixture<ReindexPagingTests.Host>
{
    public sealed class Host : IngestHost
    {
        public const int MaxPageBytes = 50_000;

        protected override void Configure(Dictionary<string, string?> configuration)
        {
            configuration["Ingest:Reindex:PageSize"] = "10";
            configuration["Ingest:Reindex:MaxPageBytes"] = MaxPageBytes.ToString();
        }
    }

    [Fact]
    public async Task A_page_ends_before_the_score_that_would_pass_the_byte_limit()
    {
        // 40 kB, 40 kB, 1 kB, 1 kB, 40 kB: pages of [40], [40, 1, 1] and [40] kB under a 50 kB limit.
        foreach (var size in new[] { 40_000, 40_000, 1_000, 1_000, 40_000 })
            await host.UploadAsync("sized.abc", TestScores.UniqueTuneOfSize(size));

        using var admin = host.NewClient(TestCredentials.AdminKey);
        var response = await admin.PostAsJsonAsync("v1/reindex", new ReindexRequest("clamp-small", "4.0.0"));
        var job = (await response.Content.ReadFromJsonAsync<ReindexJobResponse>(IngestHost.Json))!;
        await host.Probe.WaitForAsync<ReindexProgress>(p => p.JobId == job.Id && p.Completed);

        var progress = host.Probe.Received<ReindexProgress>().Where(p => p.JobId == job.Id).ToList();
        Assert.Equal([1L, 4L, 5L], progress.Select(p => p.Done).Order());
        Assert.Equal(5L, Assert.Single(progress, p => p.Completed).Total);
    }
}
