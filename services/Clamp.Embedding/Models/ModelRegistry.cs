using System.Collections.Immutable;
using Microsoft.Extensions.Options;

namespace Clamp.Embedding.Models;

/// <summary>
/// The model versions being served, keyed by version, and the directories that failed to load (with why).
/// Reads are lock-free snapshots; only <see cref="ModelReloader"/> changes it.
/// </summary>
public sealed class ModelRegistry(IOptions<EmbeddingOptions> options) : IAsyncDisposable
{
    private readonly Lock _write = new();
    private readonly TaskCompletionSource _firstModel = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ImmutableDictionary<string, ServedModel> _byVersion = ImmutableDictionary<string, ServedModel>.Empty;
    private ImmutableDictionary<string, LoadFailure> _failures = ImmutableDictionary<string, LoadFailure>.Empty;

    /// <summary>A directory that could not be served, as it was when it failed.</summary>
    public sealed record LoadFailure(ModelDirectoryStamp Stamp, string Error);

    /// <summary>Loaded versions, newest first.</summary>
    public IReadOnlyList<ServedModel> Models =>
        _byVersion.Values.OrderByDescending(m => m.Version, ModelVersionOrder.Instance).ThenByDescending(m => m.LoadedAt).ToList();

    /// <summary>Model directories that failed to load, by full path.</summary>
    public IReadOnlyDictionary<string, LoadFailure> Failures => _failures;

    /// <summary>The configured default version when it is loaded, else the newest version.</summary>
    public ServedModel? Default =>
        options.Value.DefaultVersion is { Length: > 0 } configured && _byVersion.TryGetValue(configured, out var model)
            ? model
            : Models.FirstOrDefault();

    public bool TryGet(string version, out ServedModel model) => _byVersion.TryGetValue(version, out model!);

    /// <summary>The named version, or the default one when <paramref name="version"/> is empty.</summary>
    public ServedModel Resolve(string? version)
    {
        if (string.IsNullOrEmpty(version))
        {
            return Default ?? throw new ModelNotLoadedException($"No model is loaded yet (models root: {options.Value.ModelsPath}).");
        }

        if (TryGet(version, out var model))
        {
            return model;
        }

        var loaded = _byVersion.IsEmpty ? "none" : string.Join(", ", _byVersion.Keys.Order());
        throw new ModelNotLoadedException($"Model version '{version}' is not loaded (loaded: {loaded}).");
    }

    /// <summary>Completes once any model is loaded, or throws <see cref="ModelNotLoadedException"/> after the timeout.</summary>
    public async Task WaitForAnyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _firstModel.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new ModelNotLoadedException($"No model was loaded within {timeout.TotalSeconds:0} s (models root: {options.Value.ModelsPath}).");
        }
    }

    public ServedModel? InDirectory(string directory) =>
        _byVersion.Values.FirstOrDefault(m => m.Stamp.Directory == directory);

    /// <summary>Serves a newly loaded model; returns the model it replaces (same directory), which the caller disposes.</summary>
    internal ServedModel? Publish(ServedModel model)
    {
        lock (_write)
        {
            var replaced = InDirectory(model.Stamp.Directory);
            var next = replaced is null ? _byVersion : _byVersion.Remove(replaced.Version);
            _byVersion = next.SetItem(model.Version, model);
            _failures = _failures.Remove(model.Stamp.Directory);
            _firstModel.TrySetResult();
            return replaced;
        }
    }

    /// <summary>Stops serving the model of a directory; returns it for the caller to dispose.</summary>
    internal ServedModel? Remove(string directory)
    {
        lock (_write)
        {
            var removed = InDirectory(directory);
            if (removed is not null)
            {
                _byVersion = _byVersion.Remove(removed.Version);
            }

            _failures = _failures.Remove(directory);
            return removed;
        }
    }

    internal void Fail(ModelDirectoryStamp stamp, string error)
    {
        lock (_write)
        {
            _failures = _failures.SetItem(stamp.Directory, new LoadFailure(stamp, error));
        }
    }

    public async ValueTask DisposeAsync()
    {
        ImmutableDictionary<string, ServedModel> models;
        lock (_write)
        {
            models = _byVersion;
            _byVersion = ImmutableDictionary<string, ServedModel>.Empty;
        }

        foreach (var model in models.Values)
        {
            await model.DisposeAsync();
        }
    }
}
