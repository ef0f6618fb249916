using Clamp.Cli.Commands.Connection;
using Clamp.Cli.Commands.Upload;

namespace Clamp.Cli.Commands.Local;

/// <summary>
/// The score files of a directory tree local mode indexes: every file, recursively, with an extension
/// <c>clamp upload</c> sends (<see cref="ScoreFileFinder.Extensions"/>), enumerated lazily, outside the cache folder.
/// </summary>
public static class ScoreTree
{
    /// <summary>The directory's full path; one that does not exist is exit code 5.</summary>
    public static string Require(string directory) =>
        Directory.Exists(directory)
            ? Path.GetFullPath(directory)
            : throw new CliFailure(ExitCodes.UnreadableInput, $"cannot read {directory}: no such directory");

    /// <summary>The score files under <paramref name="root"/>, as paths relative to it with '/' separators.</summary>
    public static IEnumerable<string> RelativeScorePaths(string root) =>
        Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(file => ScoreFileFinder.Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Select(file => Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(relative => !relative.StartsWith(IndexCacheFile.FolderName + "/", StringComparison.Ordinal));
}
