using System.Net;
using Clamp.Cli.Tests.Support;
using Clamp.Client.Tests.Support;
using Clamp.Contracts.Grpc;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Clamp.Client.Tests;

/// <summary>
/// The client against the CLI tests' platform: the real ingest API and patching service on real PostgreSQL and
/// RabbitMQ (a stand-in indexer marks each patched score indexed), and a stand-in query service with fixed answers
/// behind the real API-key authentication (the query service itself is tested in Clamp.Query.Tests).
/// </summary>
public sealed class PlatformTests(PlatformHost platform) : IClassFixture<PlatformHost>
{
    private ServiceProvider Clients(string key) => ClientServices.With(o =>
    {
        o.IngestUrl = platform.IngestUrl;
        o.QueryAddress = platform.QueryAddress;
        o.ApiKey = key;
    });

    [Fact]
    public async Task Uploaded_abc_tunes_are_indexed_and_the_query_api_answers_search_classify_and_similar()
    {
        using var clients = Clients(PlatformHost.ApiKey);
        var ingest = clients.Ingest();
        var file = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "oneills-0001-0005.abc"));

        var items = await ingest.UploadBatchAsync("oneills.abc", file);
        var single = await ingest.UploadAsync("first.abc", file, new Dictionary<string, string> { ["collection"] = "oneills" });

        Assert.Equal(5, items.Count);
        Assert.All(items, item => Assert.NotNull(item.Id));
        Assert.Equal("oneills.abc#1", items[0].Source);
        var status = await ingest.WaitUntilFinalAsync(single, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200));
        Assert.Equal(ScoreStatus.Indexed, status.Status);
        var document = await ingest.GetScoreAsync(single);
        Assert.Equal(single.ToString(), document.GetProperty("id").GetString());
        Assert.Equal("indexed", document.GetProperty("status").GetString());

        var search = clients.Search();
        var hits = await search.SearchAsync("a lively jig", SearchMode.Keyword, k: 5);
        var labels = await search.ClassifyAsync(single.ToString(), ["jig", "reel", "waltz"]);
        var similar = await search.SimilarAsync(single.ToString(), k: 5);

        Assert.Equal(FixedScoreSearch.Hits.Select(h => h.ScoreId), hits.Hits.Select(h => h.ScoreId));
        Assert.Equal(FixedScoreSearch.ModelVersion, hits.ModelVersion);
        Assert.Equal(["jig", "reel", "waltz"], labels.Labels.Select(l => l.Label));
        Assert.Equal(FixedScoreSearch.Hits.Reverse().Select(h => h.ScoreId), similar.Hits.Select(h => h.ScoreId));
    }

    [Fact]
    public async Task A_wrong_key_is_an_authentication_failure_on_both_apis()
    {
        using var clients = Clients("not-a-key-of-anyone");

        var upload = await Assert.ThrowsAsync<ClampException>(() => clients.Ingest().UploadAsync("t.abc", "X:1\nK:D\nABC|\n"u8.ToArray()));
        var search = await Assert.ThrowsAsync<ClampException>(() => clients.Search().SearchAsync("a jig"));

        Assert.Equal(ClampFailure.Unauthenticated, upload.Failure);
        Assert.Equal(HttpStatusCode.Unauthorized, upload.HttpStatus);
        Assert.Contains("refused the API key (401)", upload.Message);
        Assert.Equal(ClampFailure.Unauthenticated, search.Failure);
        Assert.Equal(StatusCode.Unauthenticated, search.GrpcStatus);
    }

    [Fact]
    public async Task A_refused_upload_carries_the_servers_reason_code()
    {
        using var clients = Clients(PlatformHost.ApiKey);

        var e = await Assert.ThrowsAsync<ClampException>(() => clients.Ingest().UploadAsync("t.abc", "X:1\nK:D\nABC|\n"u8.ToArray(),
            new Dictionary<string, string> { ["title"] = new string('x', 1001) }));

        Assert.Equal(ClampFailure.Refused, e.Failure);
        Assert.Equal(HttpStatusCode.BadRequest, e.HttpStatus);
        Assert.StartsWith("upload.metadata-too-long: ", e.Reason);
    }
}
