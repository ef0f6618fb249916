namespace Clamp.Cli.Commands.Local;

/// <summary>What an index update did, on stderr: one summary line, then each unreadable file with its reason.</summary>
public static class LocalIndexReport
{
    public static void Write(TextWriter error, string directory, LocalIndex index, string modelName)
    {
        error.WriteLine($"indexed {directory} (model {modelName}): {index.Summary}");
        if (index.Unreadable.Count == 0)
            return;
        error.WriteLine($"unreadable files ({index.Unreadable.Count}):");
        foreach (var file in index.Unreadable)
            error.WriteLine($"  {file.Path}: {file.Reason.ReplaceLineEndings(" ")}");
    }
}
