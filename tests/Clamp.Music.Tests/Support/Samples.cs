namespace Clamp.Music.Tests.Support;

/// <summary>Real files committed under Samples/ (sources and licences in Samples/README.md).</summary>
public static class Samples
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);

    public static string ReadText(string name) => File.ReadAllText(PathOf(name));
}
