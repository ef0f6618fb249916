namespace Clamp.VectorStore.Tests.Support;

/// <summary>Files committed in the repository (scripts, samples), found from the test binaries.</summary>
public static class RepositoryPaths
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Clamp.Platform.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("The repository root (Clamp.Platform.sln) is not above the test binaries.");
    }

    public static string Of(params string[] parts) => Path.Combine([Root(), .. parts]);
}
