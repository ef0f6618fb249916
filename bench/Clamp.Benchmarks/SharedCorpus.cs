namespace Clamp.Benchmarks;

/// <summary>
/// The real data the benchmarks run on: <c>../shared/data</c> from the repository root (or the folder named by
/// <c>CLAMP_SHARED_DATA</c>). The numbers in docs/music-frontend.md were measured on it.
/// </summary>
public static class SharedCorpus
{
    public static string DataRoot { get; } = Find();

    /// <summary>Every file under a folder of the data root with one of the extensions, in a stable order.</summary>
    public static IReadOnlyList<string> Files(string folder, params string[] extensions) =>
        Directory.EnumerateFiles(Path.Combine(DataRoot, folder), "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("CLAMP_SHARED_DATA") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var data = Path.Combine(dir.FullName, "..", "shared", "data");
            if (File.Exists(Path.Combine(dir.FullName, "Clamp.Platform.sln")) && Directory.Exists(data))
            {
                return Path.GetFullPath(data);
            }
        }

        throw new DirectoryNotFoundException("The shared data folder (../shared/data) was not found; set CLAMP_SHARED_DATA to it.");
    }
}
