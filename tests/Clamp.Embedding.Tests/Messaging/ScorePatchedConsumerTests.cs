using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Clamp.Contracts.Messages;
using Clamp.Embedding.Diagnostics;
using Clamp.Embedding.Tests.Support;
using Clamp.Inference.Tests.Fixtures;
using Clamp.Testing;

namespace Clamp.Embedding.Tests.Messaging;

/// <summary>The queue side over the real RabbitMQ: a virtual host of its own, the service's bus, and a probe bus.</summary>
public sealed class ScorePatchedConsumerTests(IsolatedInfrastructure infrastructure) : IClassFixture<IsolatedInfrastructure>, IAsyncLifetime
{
    private static readonly ToleranceComparer Close = new(1e-5f);
    private readonly ModelsFolder _models = new();
    private readonly TempDirectory _outside = new();
    private EmbeddingHost _host = null!;
    private MessageProbe _probe = null!;

    public async Task InitializeAsync()
    {
        _models.Add("0.0.1");
        _models.Add("0.0.2");
        _probe = await new MessageProbe(infrastructure.Platform.RabbitMq, infrastructure.VirtualHost)
            .Record<ScoreEmbedded>().Record<ScoreFailed>().StartAsync();
        _host = await EmbeddingHost.StartAsync(_models.Root, messageBus: infrastructure.ServiceConfiguration());
    }

    [Fact]
    public async Task Each_score_is_embedded_by_every_served_version_and_a_broken_one_fails_alone()
    {
        var scores = Patches.Tunes.Select(tune => Patched(Patches.Of(tune))).ToList();
        var broken = Patched(Patches.Of(Patches.Tunes[0])) with { PatchCount = 99 };

        foreach (var score in scores.Append(broken))
        {
            await _probe.PublishAsync(score);
        }

        var failed = await _probe.WaitForAsync<ScoreFailed>(f => f.ScoreId == broken.ScoreId);
        Assert.Equal((PipelineStage.Embedding, "patches.shape"), (failed.Stage, failed.Code));
        Assert.Contains("are not 99 patches of 64", failed.Reason);
        foreach (var version in new[] { "0.0.1", "0.0.2" })
        {
            var model = _host.Registry.Resolve(version).Model;
            foreach (var score in scores)
            {
                var embedded = await _probe.WaitForAsync<ScoreEmbedded>(e => e.ScoreId == score.ScoreId && e.ModelVersion == version);
                var expected = model.Music.Encode([new Clamp.Music.Patching.PatchSequence(score.Patches)])[0];
                Assert.Equal(expected, embedded.Embedding, Close);
                Assert.Equal((score.ContentHash, "clamp-tiny", score.PatchCount, "A tune", "beta"),
                    (embedded.ContentHash, embedded.ModelId, embedded.PatchCount, embedded.Metadata.Title, embedded.Tenant));
            }
        }

        Assert.DoesNotContain(_probe.Received<ScoreEmbedded>(), e => e.ScoreId == broken.ScoreId);
    }

    [Fact]
    public async Task A_reindex_embeds_with_its_target_version_only_and_an_unknown_target_fails()
    {
        var targeted = Patched(Patches.Of(Patches.Tunes[1])) with { TargetModelVersion = "0.0.1" };
        var unknown = Patched(Patches.Of(Patches.Tunes[1])) with { TargetModelVersion = "7.0.0" };

        await _probe.PublishAsync(targeted);
        await _probe.PublishAsync(unknown);

        var failed = await _probe.WaitForAsync<ScoreFailed>(f => f.ScoreId == unknown.ScoreId);
        Assert.Equal(("model.not-loaded", "7.0.0"), (failed.Code, failed.ModelVersion));
        await _probe.WaitForAsync<ScoreEmbedded>(e => e.ScoreId == targeted.ScoreId);
        await Task.Delay(500); // a second (wrong) version would have been published together with the first
        Assert.Equal(["0.0.1"], _probe.Received<ScoreEmbedded>().Where(e => e.ScoreId == targeted.ScoreId).Select(e => e.ModelVersion));
    }

    [Fact]
    public async Task Scores_arriving_together_are_embedded_in_shared_batches()
    {
        var batchSizes = new ConcurrentBag<int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == EmbeddingMetrics.MeterName && instrument.Name == "clamp.embedding.batch.size")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => batchSizes.Add(value));
        listener.Start();
        var scores = Enumerable.Range(0, 64).Select(i => Patched(Patches.Of(Patches.Tunes[i % Patches.Tunes.Length]))).ToList();

        await Task.WhenAll(scores.Select(s => _probe.PublishAsync(s with { TargetModelVersion = "0.0.2" })));

        await Eventually.TrueAsync(() => _probe.Received<ScoreEmbedded>().Count(e => scores.Any(s => s.ScoreId == e.ScoreId)) == 64,
            "not every score was embedded", TimeSpan.FromSeconds(30));
        Assert.True(batchSizes.Max() > 1, $"batch sizes: {string.Join(", ", batchSizes)}");
    }

    [Fact]
    public async Task A_published_model_is_served_at_once_without_waiting_for_the_poll()
    {
        TinyClampModel.Write(_outside.Path, new TinyClampModel.Shape { Version = "5.0.0" });

        await _probe.PublishAsync(new ModelPublished
        {
            ModelId = "clamp-tiny", ModelVersion = "5.0.0", EmbeddingDim = 16, PatchScheme = "clamp1", Location = _outside.Path,
        });

        await Eventually.TrueAsync(() => _host.Registry.TryGet("5.0.0", out _), "version 5.0.0 was not loaded", TimeSpan.FromSeconds(30));
        Assert.Equal("5.0.0", _host.Registry.Default!.Version);
    }

    [Fact]
    public async Task A_model_with_another_patch_scheme_cuts_its_own_patches_from_the_music_text()
    {
        TinyClampModel.Write(_outside.Path, new TinyClampModel.Shape { Version = "6.0.0", PatchScheme = "line-bars" });
        await _probe.PublishAsync(new ModelPublished
        {
            ModelId = "clamp-tiny", ModelVersion = "6.0.0", EmbeddingDim = 16, PatchScheme = "line-bars", Location = _outside.Path,
        });
        await Eventually.TrueAsync(() => _host.Registry.TryGet("6.0.0", out _), "version 6.0.0 was not loaded", TimeSpan.FromSeconds(30));
        var tune = Patches.Tunes[2];
        var withText = Patched(Patches.Of(tune)) with { TargetModelVersion = "6.0.0", MusicText = tune };
        var withoutText = Patched(Patches.Of(tune)) with { TargetModelVersion = "6.0.0" };

        await _probe.PublishAsync(withText);
        await _probe.PublishAsync(withoutText);

        var embedded = await _probe.WaitForAsync<ScoreEmbedded>(e => e.ScoreId == withText.ScoreId);
        var model = _host.Registry.Resolve("6.0.0").Model;
        var lineBars = Clamp.Music.Patching.BarPatcher.For(Clamp.Music.Patching.PatchScheme.LineBars).Patch(tune, model.Manifest.MaxPatches);
        Assert.Equal(model.Music.Encode([lineBars])[0], embedded.Embedding, Close);
        var failed = await _probe.WaitForAsync<ScoreFailed>(f => f.ScoreId == withoutText.ScoreId);
        Assert.Equal("model.mismatch", failed.Code);
    }

    private static ScorePatched Patched(Clamp.Music.Patching.PatchSequence patches) => new()
    {
        ScoreId = Guid.NewGuid(),
        ContentHash = Guid.NewGuid().ToString("N"),
        PatchScheme = "clamp1",
        PatchLength = patches.PatchLength,
        Patches = patches.Ids,
        PatchCount = patches.Count,
        Metadata = new ScoreMetadata { Title = "A tune" },
        Tenant = "beta",
    };

    public async Task DisposeAsync()
    {
        await _probe.DisposeAsync();
        await _host.DisposeAsync();
        _models.Dispose();
        _outside.Dispose();
    }
}
