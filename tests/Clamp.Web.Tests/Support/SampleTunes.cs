using System.Text;
using Clamp.Inference.Tests.Fixtures;

namespace Clamp.Web.Tests.Support;

/// <summary>Real tunes from the repository's samples (samples/abc: the Nottingham Music Database, GPL-3.0) and other sample files.</summary>
public static class SampleTunes
{
    public static string FilePath(string name) => Path.Combine(DefaultModel.SamplesDirectory, name);

    /// <summary>The first <paramref name="count"/> tunes of a samples/abc file, as one ABC file.</summary>
    public static byte[] First(string name, int count)
    {
        var text = File.ReadAllText(FilePath(name)).Replace("\r\n", "\n");
        var tunes = text.Split("\nX:").Select((tune, i) => i == 0 ? tune : "X:" + tune).Where(tune => tune.TrimStart().StartsWith("X:")).Take(count);
        return Encoding.UTF8.GetBytes(string.Join("\n", tunes.Select(tune => tune.TrimEnd() + "\n")));
    }

    /// <summary>A file of Clamp.Music.Tests' samples copied into this output (Samples/).</summary>
    public static byte[] Copied(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", name));
}
