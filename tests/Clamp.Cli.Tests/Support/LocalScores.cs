using System.Text.Json.Nodes;

namespace Clamp.Cli.Tests.Support;

/// <summary>
/// A directory of real sample scores for the local commands (a Bach chorale in MusicXML, a pop song in MIDI, a Joplin
/// march in kern and five O'Neill's tunes in one ABC file), and the local commands run on it.
/// </summary>
public static class LocalScores
{
    public static readonly string[] Samples = ["bwv67.4.xml", "pop909-001.mid", "rosebud.krn", "oneills-0001-0005.abc"];

    public static ScoreDirectory Create()
    {
        var scores = new ScoreDirectory();
        foreach (var sample in Samples)
            scores.Write(sample, File.ReadAllBytes(ClampProcess.Sample(sample)));
        return scores;
    }

    /// <summary><c>clamp search DIR QUERY --json</c>: the exit code, the JSON object and stderr.</summary>
    public static async Task<(int ExitCode, JsonObject Json, string Error)> SearchAsync(string directory, string query, params string[] options)
    {
        var (exitCode, output, error) = await ClampProcess.RunAsync(null, ["search", directory, query, "--json", .. options]);
        Assert.True(exitCode == 0, error);
        return (exitCode, JsonLastLine.Of(output), error);
    }

    /// <summary>A copy of the bundled model under another version (2.0.1), in <paramref name="directory"/>.</summary>
    public static string CopyModelAsOtherVersion(ScoreDirectory directory)
    {
        var bundled = Path.Combine(AppContext.BaseDirectory, "models", "clamp-small");
        foreach (var file in Directory.GetFiles(bundled))
            directory.Write(Path.Combine("model", Path.GetFileName(file)), File.ReadAllBytes(file));
        var manifest = Path.Combine(directory.Path, "model", "manifest.json");
        var json = JsonNode.Parse(File.ReadAllText(manifest))!;
        json["version"] = "2.0.1";
        File.WriteAllText(manifest, json.ToJsonString());
        return Path.GetDirectoryName(manifest)!;
    }

    /// <summary>Searches once (building the cache), makes <paramref name="change"/>, and searches again: the second run.</summary>
    public static async Task<(JsonObject Json, string Error)> SearchAgainAfterAsync(string directory, string query, Action change)
    {
        await SearchAsync(directory, query);
        change();
        var (_, json, error) = await SearchAsync(directory, query);
        return (json, error);
    }

    public static IReadOnlyList<string> Paths(JsonObject json) =>
        json["results"]!.AsArray().Select(r => r!["path"]!.GetValue<string>()).ToList();

    public static int Count(JsonObject json, string field) => json["index"]![field]!.GetValue<int>();
}
