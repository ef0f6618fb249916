using Clamp.Inference.Tests.Fixtures;

namespace Clamp.Embedding.Tests.Support;

/// <summary>A temporary models root holding tiny model versions, one folder each.</summary>
public sealed class ModelsFolder : IDisposable
{
    private readonly TempDirectory _temp = new();

    public string Root => _temp.Path;

    /// <summary>Writes version <paramref name="version"/> into <c>root/folder</c> (the folder defaults to the version).</summary>
    public string Add(string version, string? folder = null, TinyClampModel.Shape? shape = null)
    {
        var directory = _temp.Sub(folder ?? version);
        TinyClampModel.Write(directory, (shape ?? new TinyClampModel.Shape()) with { Version = version, Seed = version.Sum(c => c) });
        return directory;
    }

    public void Dispose() => _temp.Dispose();
}
