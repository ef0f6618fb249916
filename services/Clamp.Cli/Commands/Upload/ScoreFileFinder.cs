using Clamp.Cli.Commands.Connection;

namespace Clamp.Cli.Commands.Upload;

/// <summary>
/// The files <c>clamp upload PATH</c> sends: PATH itself when it is a file (the server tells its format), or every
/// file under the directory PATH, recursively, in a format the ingest API accepts (by extension), in path order.
/// </summary>
public static class ScoreFileFinder
{
    public static readonly string[] Extensions = [".abc", ".xml", ".musicxml", ".mxl", ".mid", ".midi", ".krn"];

    public static IReadOnlyList<string> Find(string path)
    {
        if (File.Exists(path))
            return [path];
        if (!Directory.Exists(path))
            throw new CliFailure(ExitCodes.UnreadableInput, $"cannot read {path}: no such file or directory");

        var files = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(file => Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        return files.Count > 0
            ? files
            : throw new CliFailure(ExitCodes.UnreadableInput, $"no score files ({string.Join(", ", Extensions)}) under {path}");
    }
}
