using Clamp.Cli.Tests.Support;

namespace Clamp.Cli.Tests;

/// <summary><c>clamp search DIR QUERY</c>: local mode, the bundled model and a cache beside the scores, no server.</summary>
public class LocalSearchTests
{
    [Fact]
    public async Task Search_finds_the_bach_chorale_among_folk_tunes_a_pop_song_and_a_march()
    {
        using var scores = LocalScores.Create();

        var (_, json, error) = await LocalScores.SearchAsync(scores.Path, "a chorale by Johann Sebastian Bach");

        var results = json["results"]!.AsArray();
        Assert.Equal("bwv67.4.xml", results[0]!["path"]!.GetValue<string>());
        Assert.Null(results[0]!["id"]);
        Assert.True(results[0]!.AsObject().ContainsKey("title"));
        Assert.Equal(8, results.Count);
        Assert.Contains("oneills-0001-0005.abc#3", LocalScores.Paths(json));
        Assert.Contains("4 new, 0 cached, 0 removed, 0 unreadable, 8 tunes", error);
    }

    [Fact]
    public async Task The_text_output_lists_rank_score_title_and_path()
    {
        using var scores = LocalScores.Create();

        var (exitCode, output, _) = await ClampProcess.RunAsync(null, "search", scores.Path, "a jig", "--k", "3");

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("search \"a jig\" in ", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^  1\. +-?\d\.\d{3}  .+ \S+\.(abc(#\d)?|xml|mid|krn)$", lines[1]);
    }

    [Fact]
    public async Task A_second_run_embeds_nothing_new_and_gives_the_same_results()
    {
        using var scores = LocalScores.Create();
        var (_, first, _) = await LocalScores.SearchAsync(scores.Path, "a hornpipe");

        var (_, second, error) = await LocalScores.SearchAsync(scores.Path, "a hornpipe");

        Assert.Contains("0 new, 4 cached, 0 removed", error);
        Assert.Equal(0, LocalScores.Count(second, "new"));
        Assert.Equal(4, LocalScores.Count(second, "cached"));
        Assert.Equal(first["results"]!.ToJsonString(), second["results"]!.ToJsonString());
    }

    [Fact]
    public async Task A_changed_file_is_embedded_again_and_its_new_music_is_found()
    {
        using var scores = LocalScores.Create();
        var path = scores.Write("single.abc", "X:1\nT:First Version\nM:6/8\nK:G\nGAB cBA|dBG AFD|\n");

        var (json, error) = await LocalScores.SearchAgainAfterAsync(scores.Path, "a reel",
            () => File.WriteAllText(path, "X:1\nT:Second Version\nM:4/4\nK:D\nd2fd Adfd|e2ge cege|d2fd Adfd|egfe d4|\n"));

        Assert.Contains("1 new, 4 cached, 0 removed", error);
        var titles = json["results"]!.AsArray().Select(r => r!["title"]!.GetValue<string>()).ToList();
        Assert.Contains("Second Version", titles);
        Assert.DoesNotContain("First Version", titles);
    }

    [Fact]
    public async Task A_deleted_file_drops_out_of_the_results()
    {
        using var scores = LocalScores.Create();

        var (json, error) = await LocalScores.SearchAgainAfterAsync(scores.Path, "a march",
            () => File.Delete(Path.Combine(scores.Path, "rosebud.krn")));

        Assert.Contains("0 new, 3 cached, 1 removed", error);
        Assert.DoesNotContain("rosebud.krn", LocalScores.Paths(json));
        Assert.Equal(7, LocalScores.Paths(json).Count);
    }

    [Fact]
    public async Task Files_in_subdirectories_are_found_and_other_files_ignored()
    {
        using var scores = new ScoreDirectory();
        scores.Write("a/b/bwv67.4.xml", File.ReadAllBytes(ClampProcess.Sample("bwv67.4.xml")));
        scores.Write("notes.txt", "not a score");

        var (_, json, _) = await LocalScores.SearchAsync(scores.Path, "a chorale");

        Assert.Equal(["a/b/bwv67.4.xml"], LocalScores.Paths(json));
    }

    [Fact]
    public async Task An_unreadable_file_is_listed_with_its_reason_and_does_not_stop_the_run()
    {
        using var scores = LocalScores.Create();
        scores.Write("broken.mid", "this is not a MIDI file"u8.ToArray());

        var (_, json, error) = await LocalScores.SearchAsync(scores.Path, "a chorale by Johann Sebastian Bach");

        Assert.Equal(8, LocalScores.Paths(json).Count);
        var unreadable = Assert.Single(json["index"]!["unreadable"]!.AsArray())!;
        Assert.Equal("broken.mid", unreadable["path"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(unreadable["reason"]!.GetValue<string>()));
        Assert.Contains("unreadable files (1):", error);
        Assert.Contains("  broken.mid: ", error);
    }

    [Fact]
    public async Task A_corrupt_cache_is_rebuilt_with_a_warning()
    {
        using var scores = LocalScores.Create();

        var (json, error) = await LocalScores.SearchAgainAfterAsync(scores.Path, "a reel", () =>
        {
            var cache = Assert.Single(Directory.GetFiles(Path.Combine(scores.Path, ".clamp-index")));
            Assert.EndsWith("clamp-small@2.0.0.json", cache);
            File.WriteAllText(cache, "{ not json");
        });

        Assert.Contains("warning:", error);
        Assert.Contains("rebuilding it", error);
        Assert.Equal(4, LocalScores.Count(json, "new"));
        Assert.Equal(8, LocalScores.Paths(json).Count);
    }

    [Fact]
    public async Task Another_model_version_has_its_own_cache_and_leaves_the_first_one_alone()
    {
        using var scores = LocalScores.Create();
        using var models = new ScoreDirectory();
        var otherModel = LocalScores.CopyModelAsOtherVersion(models);
        await LocalScores.SearchAsync(scores.Path, "a jig");

        var (_, other, otherError) = await LocalScores.SearchAsync(scores.Path, "a jig", "--model", otherModel);
        var (_, again, _) = await LocalScores.SearchAsync(scores.Path, "a jig");

        Assert.Contains("(model clamp-small@2.0.1): 4 new, 0 cached", otherError);
        Assert.Equal(4, LocalScores.Count(other, "new"));
        Assert.Equal(0, LocalScores.Count(again, "new"));
        Assert.Equal(["clamp-small@2.0.0.json", "clamp-small@2.0.1.json"],
            Directory.GetFiles(Path.Combine(scores.Path, ".clamp-index")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_missing_model_directory_is_exit_code_5()
    {
        using var scores = LocalScores.Create();
        var missing = Path.Combine(Path.GetTempPath(), $"clamp-missing-{Guid.NewGuid():N}");

        var (exitCode, _, error) = await ClampProcess.RunAsync(null, "search", scores.Path, "a jig", "--model", missing);

        Assert.Equal(5, exitCode);
        Assert.Equal($"clamp: cannot read model {missing}: no manifest.json there", ErrorLine.Of(error));
    }

    [Fact]
    public async Task A_missing_directory_is_exit_code_5()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"clamp-missing-{Guid.NewGuid():N}");

        var (exitCode, _, error) = await ClampProcess.RunAsync(null, "search", missing, "a jig");

        Assert.Equal(5, exitCode);
        Assert.Equal($"clamp: cannot read {missing}: no such directory", ErrorLine.Of(error));
    }
}
