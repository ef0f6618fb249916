using Clamp.Client.Tests.Support;
using Clamp.Contracts.Grpc;
using Clamp.Testing;

namespace Clamp.Client.Tests;

/// <summary>The client against the whole platform (<see cref="WholePlatform"/>): upload, indexed, found, classified, neighbours.</summary>
public sealed class WholePlatformTests(WholePlatform platform) : IClassFixture<WholePlatform>
{
    [Fact]
    public async Task An_uploaded_tune_is_indexed_found_by_search_classified_and_given_neighbours()
    {
        using var clients = ClientServices.With(o =>
        {
            o.IngestUrl = platform.IngestUrl;
            o.QueryAddress = platform.QueryAddress;
            o.ApiKey = TestCredentials.ApiKey;
        });
        var ingest = clients.Ingest();
        var file = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "oneills-0001-0005.abc"));

        var items = await ingest.UploadBatchAsync("oneills.abc", file);
        var ids = items.Select(i => i.Id!.Value).ToList();
        foreach (var id in ids)
            Assert.Equal(ScoreStatus.Indexed, (await ingest.WaitUntilFinalAsync(id, TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(250))).Status);

        var search = clients.Search();
        var title = (await ingest.GetScoreAsync(ids[0])).GetProperty("metadata").GetProperty("title").GetString()!;
        var found = await search.SearchAsync(title, SearchMode.Keyword, k: 10);
        var labels = await search.ClassifyAsync(ids[0].ToString(), ["jig", "reel", "waltz"]);
        var similar = await search.SimilarAsync(ids[0].ToString(), k: 10);

        Assert.Contains(ids[0].ToString(), found.Hits.Select(h => h.ScoreId));
        Assert.Equal(WholePlatform.ModelVersion, labels.ModelVersion);
        Assert.Equal(["jig", "reel", "waltz"], labels.Labels.Select(l => l.Label).Order());
        Assert.Equal(1f, labels.Labels.Sum(l => l.Probability), 3);
        Assert.Equal(ids.Skip(1).Select(id => id.ToString()).Order(), similar.Hits.Select(h => h.ScoreId).Order());
    }
}
