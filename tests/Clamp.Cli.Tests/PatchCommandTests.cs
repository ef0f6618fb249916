using System.Text.Json;
using System.Text.Json.Nodes;
using Clamp.Music.Tests.Support;

namespace Clamp.Cli.Tests;

public class PatchCommandTests
{
    private const string SharedVectors = "testdata/clamp1-patches.jsonl";
    private static readonly string Vectors = ClampProcess.Sample("clamp1-patches.sample.jsonl");

    [Fact]
    public async Task Patches_every_line_in_order_exactly_as_the_original_clamp1_routine()
    {
        var (exitCode, output, error) = await ClampProcess.RunAsync(null, "patch", "--scheme", "clamp1", "--jsonl", Vectors);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        var expected = File.ReadLines(Vectors).Select(line => JsonNode.Parse(line)!).ToList();
        var actual = Lines(output);
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (want, got) in expected.Zip(actual))
        {
            Assert.Equal(want["source"]!.GetValue<string>(), got["source"]!.GetValue<string>());
            Assert.Equal(want["patches"]!.ToJsonString(), got["patches"]!.ToJsonString());
            Assert.Null(got["music"]);
        }
    }

    [SharedDataFact(SharedVectors)]
    public async Task All_605_shared_vectors_are_patched_exactly_from_the_command_line()
    {
        var vectors = SharedData.RequirePath(SharedVectors);

        var (exitCode, output, _) = await ClampProcess.RunAsync(null, "patch", "--jsonl", vectors);

        Assert.Equal(0, exitCode);
        var expected = File.ReadLines(vectors).Select(line => JsonNode.Parse(line)!["patches"]!.ToJsonString()).ToList();
        Assert.Equal(expected, Lines(output).Select(line => line["patches"]!.ToJsonString()));
    }

    [Fact]
    public async Task Bad_lines_give_an_error_line_in_place_and_a_message_on_stderr()
    {
        var good = File.ReadLines(Vectors).First();
        var input = string.Join('\n', good, "{not json", "{\"music\": 42}", "", good) + "\n";

        var (exitCode, output, error) = await ClampProcess.RunAsync(input, "patch", "--jsonl", "-");

        Assert.Equal(2, exitCode);
        var lines = Lines(output);
        Assert.Equal(4, lines.Count);
        Assert.NotNull(lines[0]["patches"]);
        Assert.Equal(2, lines[1]["error"]!["line"]!.GetValue<int>());
        Assert.Equal("invalid-json", lines[1]["error"]!["code"]!.GetValue<string>());
        Assert.Equal("no-music", lines[2]["error"]!["code"]!.GetValue<string>());
        Assert.Equal(lines[0].ToJsonString(), lines[3].ToJsonString());
        Assert.Contains("line 2: invalid-json", error);
        Assert.Contains("line 3: no-music", error);
    }

    [Fact]
    public async Task Every_patch_has_64_ids_and_the_sequence_is_cut_at_max_patches()
    {
        var input = JsonSerializer.Serialize(new { music = "K:G\n" + string.Concat(Enumerable.Repeat("GABc|", 50)) }) + "\n";

        var (exitCode, output, _) = await ClampProcess.RunAsync(input, "patch", "--jsonl", "-", "--max-patches", "8");

        Assert.Equal(0, exitCode);
        var patches = Lines(output).Single()["patches"]!.AsArray();
        Assert.Equal(8, patches.Count);
        Assert.All(patches, p => Assert.Equal(64, p!.AsArray().Count));
        Assert.Equal("K:G".Select(c => c - 31).Append(97), patches[0]!.AsArray().Take(4).Select(n => n!.GetValue<int>()));
    }

    [Fact]
    public async Task Clean_removes_metadata_before_patching()
    {
        var input = JsonSerializer.Serialize(new { music = "X:1\nT:Secret title\nK:D\nDEFG|\n" }) + "\n";

        var (_, raw, _) = await ClampProcess.RunAsync(input, "patch", "--jsonl", "-");
        var (_, clean, _) = await ClampProcess.RunAsync(input, "patch", "--jsonl", "-", "--clean");

        Assert.Equal(5, Lines(raw).Single()["patches"]!.AsArray().Count);
        Assert.Equal(3, Lines(clean).Single()["patches"]!.AsArray().Count);
    }

    [Fact]
    public async Task Line_bars_scheme_keeps_the_text_after_the_last_bar_line()
    {
        var input = JsonSerializer.Serialize(new { music = "K:G\nGABc|dedB" }) + "\n";

        var (_, clamp1, _) = await ClampProcess.RunAsync(input, "patch", "--jsonl", "-");
        var (_, lineBars, _) = await ClampProcess.RunAsync(input, "patch", "--jsonl", "-", "--scheme", "line-bars");

        Assert.Equal(3, Lines(clamp1).Single()["patches"]!.AsArray().Count);
        Assert.Equal(4, Lines(lineBars).Single()["patches"]!.AsArray().Count);
    }

    [Fact]
    public async Task Unknown_scheme_and_missing_file_are_refused_with_a_message()
    {
        var (schemeExit, _, schemeError) = await ClampProcess.RunAsync(null, "patch", "--jsonl", Vectors, "--scheme", "clamp9");
        var (fileExit, _, fileError) = await ClampProcess.RunAsync(null, "patch", "--jsonl", "no-such-file.jsonl");

        Assert.NotEqual(0, schemeExit);
        Assert.Contains("clamp9", schemeError);
        Assert.Equal(1, fileExit);
        Assert.Contains("no such file", fileError);
    }

    private static List<JsonNode> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
}
