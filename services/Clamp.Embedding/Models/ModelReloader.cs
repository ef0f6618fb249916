using System.Collections.Concurrent;
using System.Diagnostics;
using Clamp.Inference.Manifest;
using Microsoft.ML.OnnxRuntime;
using Microsoft.Extensions.Options;

namespace Clamp.Embedding.Models;

/// <summary>
/// Keeps <see cref="ModelRegistry"/> in step with the models root: loads new and changed model directories (a version
/// is served once it is loaded and warmed up), unloads removed ones, and records why a directory was refused. Scans at
/// start, every <see cref="EmbeddingOptions.ReloadPollSeconds"/>, and when asked (a "model published" message).
/// </summary>
public sealed partial class ModelReloader(
    ModelRegistry registry,
    ModelLoader loader,
    IOptions<EmbeddingOptions> options,
    ILogger<ModelReloader> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, byte> _extraDirectories = new();

    /// <summary>Also serves a model directory outside the models root (from a "model published" message).</summary>
    public void AddDirectory(string directory) => _extraDirectories.TryAdd(ModelDirectories.Normalize(directory), 0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.ReloadPollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            await ScanAsync(stoppingToken);
            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Brings the registry in step with the directories now; one scan at a time.</summary>
    public async Task ScanAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var root = options.Value.ModelsPath;
            if (!Directory.Exists(root))
            {
                LogMissingRoot(root);
            }

            var directories = ModelDirectories.Find(root)
                .Concat(_extraDirectories.Keys.Where(d => File.Exists(ModelManifestFile.PathIn(d))))
                .Distinct()
                .ToHashSet();
            foreach (var gone in registry.Models.Select(m => m.Stamp.Directory).Where(d => !directories.Contains(d)).ToList())
            {
                await UnloadAsync(gone);
            }

            foreach (var directory in directories.Order(StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await LoadIfChangedAsync(directory);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task LoadIfChangedAsync(string directory)
    {
        var stamp = ModelDirectoryStamp.Of(directory);
        if (registry.InDirectory(directory)?.Stamp == stamp
            || (registry.Failures.TryGetValue(directory, out var failed) && failed.Stamp == stamp))
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        ServedModel model;
        try
        {
            model = await Task.Run(() => loader.Load(directory));
        }
        catch (Exception ex) when (ex is ModelFormatException or OnnxRuntimeException or IOException or UnauthorizedAccessException)
        {
            registry.Fail(stamp, ex.Message);
            LogRefused(directory, ex.Message);
            return;
        }

        if (registry.TryGet(model.Version, out var other) && other.Stamp.Directory != directory)
        {
            await model.DisposeAsync();
            var error = $"Version {model.Version} is already served from {other.Stamp.Directory}; the model in {directory} is refused.";
            registry.Fail(stamp, error);
            LogRefused(directory, error);
            return;
        }

        var replaced = registry.Publish(model);
        LogLoaded(model.ModelId, model.Version, directory, model.Model.Provider.Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (replaced is not null)
        {
            await replaced.DisposeAsync();
        }
    }

    private async Task UnloadAsync(string directory)
    {
        if (registry.Remove(directory) is { } removed)
        {
            LogUnloaded(removed.ModelId, removed.Version, directory);
            await removed.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Model {ModelId}@{Version} from {Directory} is served on {Provider} (loaded and warmed up in {Milliseconds:0} ms)")]
    private partial void LogLoaded(string modelId, string version, string directory, string provider, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {ModelId}@{Version} is no longer served: {Directory} is gone")]
    private partial void LogUnloaded(string modelId, string version, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "The model directory {Directory} is refused: {Error}")]
    private partial void LogRefused(string directory, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The models root {Root} does not exist; no model can be loaded yet")]
    private partial void LogMissingRoot(string root);
}
