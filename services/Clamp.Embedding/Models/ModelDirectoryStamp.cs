namespace Clamp.Embedding.Models;

/// <summary>The names, sizes and write times of a model directory's files: a new stamp means a new or changed model.</summary>
public sealed record ModelDirectoryStamp(string Directory, string Files)
{
    public static ModelDirectoryStamp Of(string directory)
    {
        var files = new DirectoryInfo(directory).EnumerateFiles()
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}");
        return new ModelDirectoryStamp(ModelDirectories.Normalize(directory), string.Join('|', files));
    }
}
