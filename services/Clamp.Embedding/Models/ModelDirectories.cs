using Clamp.Inference.Manifest;

namespace Clamp.Embedding.Models;

/// <summary>Where the model directories are: the root itself when it holds a manifest, and each folder below it that does.</summary>
public static class ModelDirectories
{
    public static IReadOnlyList<string> Find(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        var candidates = new[] { root }.Concat(Directory.EnumerateDirectories(root));
        return candidates
            .Where(d => File.Exists(ModelManifestFile.PathIn(d)))
            .Select(Normalize)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The full path without a trailing separator: how directories are compared.</summary>
    public static string Normalize(string directory) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
}
