namespace Clamp.Training.Tests.Support;

/// <summary>The default model shipped in the repository (<c>models/clamp-small</c>).</summary>
public static class ShippedModel
{
    public static string Directory { get; } = Path.Combine(RepositoryRoot(), "models", "clamp-small");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Clamp.Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Clamp.Platform.sln) was not found above the test folder.");
    }
}
