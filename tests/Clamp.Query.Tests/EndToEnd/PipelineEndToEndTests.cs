using System.Text;
using Clamp.Contracts.Grpc;
using Clamp.Contracts.Messages;
using Clamp.Music;
using Clamp.Music.Patching;
using Clamp.Testing;
using Google.Protobuf;

namespace Clamp.Query.Tests.EndToEnd;

/// <summary>
/// Patched scores published on the bus are embedded by the real embedding service, indexed by the vector store
/// and found through the public API; an uploaded copy of a score classifies exactly like the stored one.
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
        var response = await stack.Client.SearchAsync(new SearchRequest { Query = "a lively jig", K = 20, Filter = new ScoreFilter { Types_ = { "jig" } } });

        Assert.Equal(PipelineStack.ModelVersion, response.ModelVersion);
        Assert.Superset(scores.Select(s => s.Id.ToString()).ToHashSet(), response.Hits.Select(h => h.ScoreId).ToHashSet());
        Assert.All(response.Hits, hit => Assert.Equal("nottingham", hit.Collection));
        Assert.True(response.Hits.Zip(response.Hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.Empty(stack.Bus.Received<ScoreFailed>());
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
