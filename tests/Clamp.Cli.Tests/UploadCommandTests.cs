using Clamp.Cli.Tests.Support;

namespace Clamp.Cli.Tests;

public class UploadCommandTests(PlatformHost platform) : IClassFixture<PlatformHost>
{
    [Fact]
    public async Task A_directory_is_uploaded_recursively_and_waited_for_until_each_score_is_indexed_or_failed_with_its_reason()
    {
        using var scores = new ScoreDirectory();
        scores.Write("jig.abc", ScoreDirectory.Tune(1, "Jig"));
        scores.Write("sub/set.abc", ScoreDirectory.Tune(1, "First") + ScoreDirectory.NoMusic(2) + ScoreDirectory.Tune(3, "Third"));
        scores.Write("sub/deeper/bwv67.4.xml", File.ReadAllBytes(ClampProcess.Sample("bwv67.4.xml")));
        scores.Write("sub/notes.txt", "not a score");

        var (exitCode, output, error) = await ClampProcess.RunAsync(null, ["upload", scores.Path, "--json", .. platform.IngestOptions]);

        Assert.Equal(1, exitCode);
        var summary = JsonLastLine.Of(output);
        Assert.Equal(5, summary["uploaded"]!.GetValue<int>());
        Assert.Equal(4, summary["indexed"]!.GetValue<int>());
        var failed = Assert.Single(summary["failed"]!.AsArray())!;
        Assert.Equal(Path.Combine("sub", "set.abc") + "#2", failed["file"]!.GetValue<string>());
        Assert.True(Guid.TryParse(failed["id"]!.GetValue<string>(), out _));
        Assert.StartsWith("Patching abc.", failed["reason"]!.GetValue<string>());
        Assert.Equal(5, summary["scores"]!.AsArray().Count);
        Assert.Contains("[3/3]", error);
        Assert.DoesNotContain("notes.txt", error);
    }

    [Fact]
    public async Task A_file_that_is_indexed_exits_0_with_a_text_summary()
    {
        using var scores = new ScoreDirectory();
        var file = scores.Write("reel.abc", ScoreDirectory.Tune(1, "Reel"));

        var (exitCode, output, _) = await ClampProcess.RunAsync(null, ["upload", file, .. platform.IngestOptions]);

        Assert.Equal(0, exitCode);
        Assert.Equal("uploaded 1 score(s): 1 indexed, 0 failed", output.Trim());
    }

    [Fact]
    public async Task No_wait_returns_the_ids_without_waiting_and_status_reads_one_of_them()
    {
        using var scores = new ScoreDirectory();
        var file = scores.Write("hornpipe.abc", ScoreDirectory.Tune(1, "Hornpipe"));

        var (exitCode, output, _) = await ClampProcess.RunAsync(null, ["upload", file, "--no-wait", "--json", .. platform.IngestOptions]);

        Assert.Equal(0, exitCode);
        var summary = JsonLastLine.Of(output);
        Assert.Equal(1, summary["uploaded"]!.GetValue<int>());
        Assert.Equal(0, summary["indexed"]!.GetValue<int>());
        Assert.Empty(summary["failed"]!.AsArray());
        var score = Assert.Single(summary["scores"]!.AsArray())!;
        Assert.Equal("uploaded", score["status"]!.GetValue<string>());
        var id = score["id"]!.GetValue<string>();

        var status = await ClampProcess.RunAsync(null, ["status", id, "--json", .. platform.IngestOptions]);

        Assert.Equal(0, status.ExitCode);
        var body = JsonLastLine.Of(status.Output);
        Assert.Equal(id, body["id"]!.GetValue<string>());
        Assert.Equal("hornpipe.abc", body["fileName"]!.GetValue<string>());
        Assert.Contains(body["status"]!.GetValue<string>(), new[] { "received", "patched", "indexed" });
    }

    [Fact]
    public async Task Status_of_a_failed_score_prints_the_reason_and_of_an_unknown_id_fails_with_1()
    {
        using var scores = new ScoreDirectory();
        var file = scores.Write("empty.abc", ScoreDirectory.NoMusic(1));
        var (_, output, _) = await ClampProcess.RunAsync(null, ["upload", file, "--json", .. platform.IngestOptions]);
        var id = JsonLastLine.Of(output)["failed"]![0]!["id"]!.GetValue<string>();

        var failed = await ClampProcess.RunAsync(null, ["status", id, .. platform.IngestOptions]);
        var unknown = await ClampProcess.RunAsync(null, ["status", Guid.NewGuid().ToString(), .. platform.IngestOptions]);

        Assert.Equal(0, failed.ExitCode);
        Assert.StartsWith($"{id}: failed (Patching abc.", failed.Output);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("404", unknown.Error);
    }

    [Fact]
    public async Task A_refused_key_exits_4_and_a_missing_path_exits_5_each_with_one_line()
    {
        using var scores = new ScoreDirectory();
        var file = scores.Write("slide.abc", ScoreDirectory.Tune(1, "Slide"));

        var refused = await ClampProcess.RunAsync(null, "upload", file, "--ingest-url", platform.IngestUrl.ToString(), "--api-key", "wrong-key");
        var missing = await ClampProcess.RunAsync(null, ["upload", Path.Combine(scores.Path, "no-such-dir"), .. platform.IngestOptions]);

        Assert.Equal(4, refused.ExitCode);
        Assert.EndsWith("refused the API key (401)", ErrorLine.Of(refused.Error));
        Assert.Equal(5, missing.ExitCode);
        Assert.EndsWith("no-such-dir: no such file or directory", ErrorLine.Of(missing.Error));
    }
}
