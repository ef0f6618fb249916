namespace Clamp.Music.Tests.Support;

/// <summary>The project's shared data folder (<c>../shared</c> from the repository root), absent on users' machines.</summary>
public static class SharedData
{
    public const string MissingReason = "../shared (real data and test vectors) is not present on this machine; see shared data README.";

    public static string? Root { get; } = Find();

    public static string? PathOf(string relative) =>
        Root is null ? null : Path.Combine(Root, relative) is var path && (File.Exists(path) || Directory.Exists(path)) ? path : null;

    public static string RequirePath(string relative) =>
        PathOf(relative) ?? throw new InvalidOperationException($"{relative} is missing under the shared folder.");

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Clamp.Platform.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                return Directory.Exists(shared) ? shared : null;
            }
        }

        return null;
    }
}

/// <summary>A fact that is skipped, with the reason, when a path under the shared folder is missing.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath)
    {
        if (SharedData.PathOf(relativePath) is null)
        {
            Skip = $"{relativePath}: {SharedData.MissingReason}";
        }
    }
}
