using Clamp.VectorStore.Tests.Support;

namespace Clamp.Query.Tests.EndToEnd;

/// <summary>The sample scores committed in the repository (samples/, Nottingham Music Database, GPL-3.0).</summary>
internal static class RepositorySamples
{
    /// <summary>The tunes of a multi-tune ABC file, each as its own text (split before every "X:" line).</summary>
    public static IReadOnlyList<string> Tunes(string relative) =>
        System.Text.RegularExpressions.Regex.Split(File.ReadAllText(RepositoryPaths.Of("samples", relative)), @"(?m)^(?=X:)")
            .Where(t => t.StartsWith("X:", StringComparison.Ordinal))
            .ToList();
}
