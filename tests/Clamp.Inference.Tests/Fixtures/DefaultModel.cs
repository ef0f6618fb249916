namespace Clamp.Inference.Tests.Fixtures;

/// <summary>The default model of the repository, <c>models/clamp-small</c>, written by the training job.</summary>
public static class DefaultModel
{
    public static string Directory { get; } = Path.Combine(RepoRoot(), "models", "clamp-small");

    public static bool Exists => File.Exists(Path.Combine(Directory, "manifest.json"));

    /// <summary>The sample tunes bundled with the repository (samples/abc: Nottingham jigs, reels, hornpipes, slip jigs, waltzes).</summary>
    public static string SamplesDirectory { get; } = Path.Combine(RepoRoot(), "samples", "abc");

    private static string RepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Clamp.Platform.sln")))
            {
                return directory.FullName;
            }
        }

        return System.IO.Directory.GetCurrentDirectory();
    }
}

/// <summary>A fact about the default model: skipped, with the reason, until <c>models/clamp-small</c> has been trained.</summary>
public sealed class DefaultModelFactAttribute : FactAttribute
{
    public DefaultModelFactAttribute()
    {
        if (!DefaultModel.Exists)
        {
            Skip = $"The default model has not been trained yet ({DefaultModel.Directory}/manifest.json is absent).";
        }
    }
}

/// <summary>A theory about the default model: skipped, with the reason, until <c>models/clamp-small</c> has been trained.</summary>
public sealed class DefaultModelTheoryAttribute : TheoryAttribute
{
    public DefaultModelTheoryAttribute()
    {
        if (!DefaultModel.Exists)
        {
            Skip = $"The default model has not been trained yet ({DefaultModel.Directory}/manifest.json is absent).";
        }
    }
}
