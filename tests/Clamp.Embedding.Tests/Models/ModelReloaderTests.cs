using Clamp.Embedding.Models;
using Clamp.Embedding.Tests.Support;
using Clamp.Inference.Tests.Fixtures;

namespace Clamp.Embedding.Tests.Models;

public sealed class ModelReloaderTests : IDisposable
{
    private readonly ModelsFolder _models = new();

    [Fact]
    public async Task A_new_version_is_served_without_a_restart_and_becomes_the_default()
    {
        _models.Add("1.2.0");
        await using var host = await EmbeddingHost.StartAsync(_models.Root);
        Assert.Equal("1.2.0", host.Registry.Default!.Version);

        _models.Add("1.10.0");
        await host.Reloader.ScanAsync(CancellationToken.None);

        Assert.Equal(["1.10.0", "1.2.0"], host.Registry.Models.Select(m => m.Version));
        Assert.Equal("1.10.0", host.Registry.Default!.Version);
    }

    [Fact]
    public async Task The_configured_default_version_wins_over_the_newest()
    {
        _models.Add("1.0.0");
        _models.Add("2.0.0");

        await using var host = await EmbeddingHost.StartAsync(_models.Root, new Dictionary<string, string?> { ["Embedding:DefaultVersion"] = "1.0.0" });

        Assert.Equal("1.0.0", host.Registry.Default!.Version);
    }

    [Fact]
    public async Task A_model_that_contradicts_its_manifest_is_refused_with_the_reason_and_the_others_are_served()
    {
        _models.Add("1.0.0");
        var broken = _models.Add("1.1.0", shape: new TinyClampModel.Shape { OnnxEmbeddingDim = 24 });

        await using var host = await EmbeddingHost.StartAsync(_models.Root);

        Assert.Equal(["1.0.0"], host.Registry.Models.Select(m => m.Version));
        var failure = host.Registry.Failures[broken];
        Assert.Contains("music_encoder.onnx output 'embedding' dimension 1 is 24, expected 16", failure.Error);
        using var health = await host.Http.GetAsync("/health");
        Assert.Contains("dimension 1 is 24, expected 16", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_refused_directory_is_retried_once_it_changes()
    {
        var directory = _models.Add("1.0.0", shape: new TinyClampModel.Shape { OnnxEmbeddingDim = 24 });
        await using var host = await EmbeddingHost.StartAsync(_models.Root);
        Assert.Empty(host.Registry.Models);

        _models.Add("1.0.1", folder: "1.0.0");
        await host.Reloader.ScanAsync(CancellationToken.None);

        Assert.Equal("1.0.1", Assert.Single(host.Registry.Models).Version);
        Assert.False(host.Registry.Failures.ContainsKey(directory));
    }

    [Fact]
    public async Task A_changed_directory_replaces_its_version_and_a_removed_one_is_unloaded()
    {
        _models.Add("1.0.0", folder: "current");
        var other = _models.Add("0.5.0");
        await using var host = await EmbeddingHost.StartAsync(_models.Root);
        var before = host.Registry.Resolve("1.0.0");

        _models.Add("1.0.1", folder: "current");
        Directory.Delete(other, recursive: true);
        await host.Reloader.ScanAsync(CancellationToken.None);

        Assert.Equal(["1.0.1"], host.Registry.Models.Select(m => m.Version));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => before.EmbedTextAsync("reel", CancellationToken.None));
    }

    [Fact]
    public async Task The_same_version_in_a_second_directory_is_refused()
    {
        _models.Add("1.0.0", folder: "a");
        var duplicate = _models.Add("1.0.0", folder: "b");

        await using var host = await EmbeddingHost.StartAsync(_models.Root);

        Assert.Single(host.Registry.Models);
        Assert.StartsWith("Version 1.0.0 is already served from ", host.Registry.Failures[duplicate].Error);
    }

    [Fact]
    public async Task A_models_path_that_is_itself_a_model_directory_is_served()
    {
        var directory = _models.Add("3.0.0");

        await using var host = await EmbeddingHost.StartAsync(directory);

        Assert.Equal("3.0.0", Assert.Single(host.Registry.Models).Version);
    }

    public void Dispose() => _models.Dispose();
}
