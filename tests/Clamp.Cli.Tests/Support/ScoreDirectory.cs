using System.Text;

namespace Clamp.Cli.Tests.Support;

/// <summary>A temporary directory of score files for <c>clamp upload</c>, removed afterwards; each tune is unique (new content, new score).</summary>
public sealed class ScoreDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("clamp-cli-upload-").FullName;

    public static string Tune(int number, string title) => $"X:{number}\nT:{title} {Guid.NewGuid():N}\nM:6/8\nK:G\nGAB cBA|dBG AFD|\n\n";

    /// <summary>A tune header without music: stored by the ingest API, then failed by the patching service.</summary>
    public static string NoMusic(int number) => $"X:{number}\nT:No music {Guid.NewGuid():N}\n\n";

    public string Write(string relativePath, string content) => Write(relativePath, Encoding.UTF8.GetBytes(content));

    public string Write(string relativePath, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
