using System.Text;
using Clamp.Contracts.Grpc;
using Clamp.Contracts.Messages;
using Clamp.Music;
using Clamp.Music.Patching;
using Clamp.Testing;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Clamp.Query.Tests.EndToEnd;

/// <summary>
/// Patched scores published on the bus (of tenant <see cref="TestCredentials.Tenant"/>) are embedded by the real
/// embedding service, indexed by the vector store and found through the public API by that tenant's key and no other;
/// an uploaded copy of a score classifies exactly like the stored one.
/// </summary>
public sealed class PipelineEndToEndTests(PipelineStack stack) : IClassFixture<PipelineStack>, IAsyncLifetime
{
    private readonly List<(Guid Id, string Abc)> scores = [];

    public async Task InitializeAsync()
    {
        var importer = new ScoreImporter();
        var patcher = BarPatcher.For(PatchScheme.Clamp1);
        foreach (var abc in RepositorySamples.Tunes("abc/jigs.abc").Take(6))
        {
            var id = Guid.NewGuid();
            var tune = importer.Import("jig.abc", Encoding.UTF8.GetBytes(abc)).Tunes[0].Tune!;
            var patches = patcher.Patch(tune.MusicText, 32);
            scores.Add((id, abc));
            await stack.Bus.Bus.Publish(new ScorePatched
            {
                ScoreId = id,
                ContentHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(abc))),
                PatchScheme = "clamp1",
                PatchLength = patches.PatchLength,
                Patches = patches.Ids,
                PatchCount = patches.Count,
                Metadata = new ScoreMetadata { Title = tune.Metadata.Title, Type = "jig", Collection = "nottingham" },
                Tenant = TestCredentials.Tenant,
            });
        }
        await Eventually.TrueAsync(
            () => scores.All(s => stack.Bus.Received<ScoreIndexed>().Any(i => i.ScoreId == s.Id)),
            "every published score indexed", TimeSpan.FromSeconds(60));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Indexed_scores_are_found_by_a_text_search()
    {
        // Every test of the class publishes its own six scores first (InitializeAsync): ask for all of them.
        var response = await stack.Client.SearchAsync(new SearchRequest { Query = "a lively jig", K = 100, Filter = new ScoreFilter { Types_ = { "jig" } } });

        Assert.Equal(PipelineStack.ModelVersion, response.ModelVersion);
        Assert.Superset(scores.Select(s => s.Id.ToString()).ToHashSet(), response.Hits.Select(h => h.ScoreId).ToHashSet());
        Assert.All(response.Hits, hit => Assert.Equal("nottingham", hit.Collection));
        Assert.True(response.Hits.Zip(response.Hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.Empty(stack.Bus.Received<ScoreFailed>());
    }

    [Fact]
    public async Task The_tenant_travels_with_the_score_and_another_tenant_finds_none_of_them()
    {
        using var channel = GrpcChannel.ForAddress(stack.Query.Address);
        var beta = new Contracts.Grpc.ScoreSearch.ScoreSearchClient(channel);
        var headers = new Metadata { { "x-api-key", TestCredentials.OtherTenantKey } };
        var ids = scores.Select(s => s.Id.ToString()).ToHashSet();

        var search = await beta.SearchAsync(new SearchRequest { Query = "a lively jig", K = 100 }, headers);
        var similar = await Assert.ThrowsAsync<RpcException>(() =>
            beta.SimilarAsync(new SimilarRequest { ScoreId = scores[0].Id.ToString() }, headers).ResponseAsync);

        Assert.DoesNotContain(search.Hits, hit => ids.Contains(hit.ScoreId));
        Assert.Equal(StatusCode.NotFound, similar.StatusCode);
        var database = new Clamp.VectorStore.Tests.Support.VectorStoreDatabase(stack.VectorStore.Services);
        var table = (await database.Versions.FindAsync(PipelineStack.ModelVersion, CancellationToken.None))!.TableName;
        Assert.Equal(scores.Count, await database.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE tenant = '{TestCredentials.Tenant}'"));
    }

    [Fact]
    public async Task Similar_scores_are_the_other_indexed_scores()
    {
        var response = await stack.Client.SimilarAsync(new SimilarRequest { ScoreId = scores[0].Id.ToString(), K = 20, Filter = new ScoreFilter { Collections = { "nottingham" } } });
        Assert.Equal(scores.Skip(1).Select(s => s.Id.ToString()).Order(), response.Hits.Select(h => h.ScoreId).Where(id => scores.Any(s => s.Id.ToString() == id)).Order());
        Assert.DoesNotContain(scores[0].Id.ToString(), response.Hits.Select(h => h.ScoreId));
    }

    [Fact]
    public async Task An_uploaded_copy_of_a_score_classifies_like_the_stored_score()
    {
        string[] labels = ["jig", "reel", "waltz", "hornpipe"];
        var stored = await stack.Client.ClassifyAsync(new ClassifyRequest { ScoreId = scores[2].Id.ToString(), Labels = { labels } });
        var uploaded = await stack.Client.ClassifyAsync(new ClassifyRequest
        {
            Uploaded = new UploadedScore { FileName = "copy.abc", Content = ByteString.CopyFromUtf8(scores[2].Abc) },
            Labels = { labels },
        });

        Assert.Equal(stored.Labels.Select(l => l.Label), uploaded.Labels.Select(l => l.Label));
        foreach (var (a, b) in stored.Labels.Zip(uploaded.Labels))
            Assert.Equal(a.Similarity, b.Similarity, 4);
        Assert.Equal(1.0, stored.Labels.Sum(l => (double)l.Probability), 4);
    }
}
