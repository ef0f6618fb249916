using Clamp.Contracts.Grpc;
using Clamp.Inference.Tests.Fixtures;
using Grpc.Core;

namespace Clamp.Embedding.Tests.Grpc;

public sealed class EmbedderServiceTests(EmbedderFixture fixture) : IClassFixture<EmbedderFixture>
{
    private static readonly ToleranceComparer Close = new(1e-5f);
    private readonly Embedder.EmbedderClient _client = fixture.Host.Client;

    [Fact]
    public async Task Texts_are_embedded_by_the_newest_version_exactly_as_the_model_computes_them()
    {
        string[] texts = ["A jig in D major", "slow air", "A reel from Donegal, played fast on the fiddle"];

        var response = await _client.EmbedTextsAsync(new EmbedTextsRequest { Texts = { texts } });

        var expected = fixture.Host.Registry.Resolve("0.0.2").Model.Text.Encode(texts);
        Assert.Equal(3, response.Embeddings.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            var embedding = response.Embeddings[i];
            Assert.Equal((i.ToString(), "clamp-tiny", "0.0.2", ""), (embedding.Id, embedding.ModelId, embedding.ModelVersion, embedding.Error));
            Assert.Equal(expected[i], embedding.Values, Close);
        }
    }

    [Fact]
    public async Task A_score_that_does_not_fit_gets_its_own_error_and_the_others_are_embedded()
    {
        var broken = ScoreItems.Of("broken", Patches.Tunes[1]);
        broken.PatchCount += 1;
        var request = new EmbedScoresRequest
        {
            ModelVersion = "0.0.1",
            Scores = { ScoreItems.Of("a", Patches.Tunes[0]), broken, ScoreItems.Of("c", Patches.Tunes[2], modelVersion: "0.0.2") },
        };

        var response = await _client.EmbedScoresAsync(request);

        var byId = response.Embeddings.ToDictionary(e => e.Id);
        Assert.StartsWith("patches.shape: ", byId["broken"].Error);
        Assert.Empty(byId["broken"].Values);
        Assert.Equal("0.0.1", byId["a"].ModelVersion);
        Assert.Equal("0.0.2", byId["c"].ModelVersion);
        var registry = fixture.Host.Registry;
        Assert.Equal(registry.Resolve("0.0.1").Model.Music.Encode([Patches.Of(Patches.Tunes[0])])[0], byId["a"].Values, Close);
        Assert.Equal(registry.Resolve("0.0.2").Model.Music.Encode([Patches.Of(Patches.Tunes[2])])[0], byId["c"].Values, Close);
    }

    [Fact]
    public async Task Patches_of_another_scheme_are_refused_as_a_model_mismatch()
    {
        var item = ScoreItems.Of("x", Patches.Tunes[0]);
        item.PatchScheme = "line-bars";

        var response = await _client.EmbedScoresAsync(new EmbedScoresRequest { Scores = { item } });

        Assert.StartsWith("model.mismatch: ", Assert.Single(response.Embeddings).Error);
    }

    [Fact]
    public async Task An_unknown_version_fails_the_call_with_not_found_naming_the_loaded_ones()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _client.EmbedTextsAsync(new EmbedTextsRequest { Texts = { "reel" }, ModelVersion = "9.9.9" }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("Model version '9.9.9' is not loaded (loaded: 0.0.1, 0.0.2).", error.Status.Detail);
    }

    [Fact]
    public async Task Streamed_scores_are_answered_one_each_in_request_order()
    {
        using var call = _client.StreamEmbedScores();
        var ids = Enumerable.Range(0, 24).Select(i => $"score-{i}").ToArray();
        var reading = Task.Run(async () =>
        {
            var answers = new List<Contracts.Grpc.Embedding>();
            await foreach (var answer in call.ResponseStream.ReadAllAsync())
            {
                answers.Add(answer);
            }

            return answers;
        });

        for (var i = 0; i < ids.Length; i++)
        {
            await call.RequestStream.WriteAsync(ScoreItems.Of(ids[i], Patches.Tunes[i % Patches.Tunes.Length]));
        }

        await call.RequestStream.CompleteAsync();
        var received = await reading;

        Assert.Equal(ids, received.Select(e => e.Id));
        Assert.All(received, e => Assert.Equal(16, e.Values.Count));
        Assert.Equal(received[0].Values, received[4].Values, Close);
    }

    [Fact]
    public async Task A_streamed_text_for_an_unknown_version_fails_alone()
    {
        using var call = _client.StreamEmbedTexts();

        await call.RequestStream.WriteAsync(new TextItem { Id = "good", Text = "hornpipe" });
        await call.RequestStream.WriteAsync(new TextItem { Id = "bad", Text = "hornpipe", ModelVersion = "0.9" });
        await call.RequestStream.WriteAsync(new TextItem { Id = "older", Text = "hornpipe", ModelVersion = "0.0.1" });
        await call.RequestStream.CompleteAsync();
        var received = await call.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(["good", "bad", "older"], received.Select(e => e.Id));
        Assert.Equal("0.0.2", received[0].ModelVersion);
        Assert.StartsWith("model.not-loaded: Model version '0.9' is not loaded", received[1].Error);
        Assert.Equal("0.0.1", received[2].ModelVersion);
        Assert.NotEqual(received[0].Values, received[2].Values);
    }

    [Fact]
    public async Task The_loaded_versions_are_listed_with_the_default_and_the_provider()
    {
        var response = await _client.ListModelsAsync(new ListModelsRequest());

        Assert.Equal(["0.0.2", "0.0.1"], response.Models.Select(m => m.ModelVersion));
        Assert.Equal([true, false], response.Models.Select(m => m.IsDefault));
        Assert.All(response.Models, m => Assert.Equal(("clamp-tiny", 16, "clamp1", 32, "CPU"),
            (m.ModelId, m.EmbeddingDim, m.PatchScheme, m.MaxPatches, m.ExecutionProvider)));
    }

    [Fact]
    public async Task Readiness_reports_the_provider_and_the_models()
    {
        using var response = await fixture.Host.Http.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, body);
        using var json = System.Text.Json.JsonDocument.Parse(body);
        var data = json.RootElement.GetProperty("checks").GetProperty("models").GetProperty("data");
        Assert.Equal("CPU", data.GetProperty("executionProvider").GetString());
        Assert.Equal(["clamp-tiny@0.0.2", "clamp-tiny@0.0.1"], data.GetProperty("models").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("0.0.2", data.GetProperty("defaultVersion").GetString());
    }

    [Fact]
    public async Task Metrics_report_the_provider_and_the_batches()
    {
        await _client.EmbedTextsAsync(new EmbedTextsRequest { Texts = { "a barn dance", "a schottische" } });

        var metrics = await fixture.Host.Http.GetStringAsync("/metrics");

        var lines = metrics.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("clamp_embedding_execution_provider{", StringComparison.Ordinal) && l.Contains("provider=\"CPU\"") && l.EndsWith(" 1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("clamp_embedding_batch_size", StringComparison.Ordinal) && l.Contains("modality=\"text\""));
        Assert.Contains(lines, l => l.StartsWith("clamp_embedding_items", StringComparison.Ordinal) && l.Contains("model_version=\"0.0.2\""));
        Assert.Contains(lines, l => l.StartsWith("clamp_embedding_queue_wait", StringComparison.Ordinal));
    }
}
