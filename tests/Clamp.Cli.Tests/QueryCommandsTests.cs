using Clamp.Cli.Tests.Support;
using Clamp.Testing;

namespace Clamp.Cli.Tests;

public class QueryCommandsTests(PlatformHost platform) : IClassFixture<PlatformHost>
{
    /// <summary>Runs the CLI against the stand-in query service, with the API key.</summary>
    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        ClampProcess.RunAsync(null, [.. args, .. platform.QueryOptions]);

    [Fact]
    public async Task Search_json_gives_each_hit_with_id_title_path_score_and_matched()
    {
        var (exitCode, output, _) = await RunAsync("search", "a jig", "--json");

        Assert.Equal(0, exitCode);
        var results = JsonLastLine.Of(output)["results"]!.AsArray();
        Assert.Equal(FixedScoreSearch.Hits.Select(h => h.ScoreId), results.Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal(["The Kesh", ""], results.Select(r => r!["title"]!.GetValue<string>()));
        Assert.Equal([0.75, 0.5], results.Select(r => r!["score"]!.GetValue<double>()));
        Assert.Equal(["title", "music"], results[0]!["matched"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Null(results[0]!["path"]);
        Assert.True(results[0]!.AsObject().ContainsKey("path"));
    }

    [Fact]
    public async Task Similar_json_is_shaped_like_search()
    {
        var (exitCode, output, _) = await RunAsync("similar", "--abc", "|:GAB cBA:|", "--json");

        Assert.Equal(0, exitCode);
        var results = JsonLastLine.Of(output)["results"]!.AsArray();
        Assert.Equal(FixedScoreSearch.Hits.Reverse().Select(h => h.ScoreId), results.Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal(["music"], results[0]!["matched"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Fact]
    public async Task Classify_json_gives_each_label_with_probability_and_similarity()
    {
        var (exitCode, output, _) = await RunAsync("classify", "--score-id", "some-id", "--labels", "jig,reel,waltz", "--json");

        Assert.Equal(0, exitCode);
        var labels = JsonLastLine.Of(output)["labels"]!.AsArray();
        Assert.Equal(["jig", "reel", "waltz"], labels.Select(l => l!["label"]!.GetValue<string>()));
        Assert.Equal(0.75, labels[0]!["probability"]!.GetValue<double>());
        Assert.Equal(0.125, labels[1]!["probability"]!.GetValue<double>());
        Assert.Equal(0.5, labels[0]!["similarity"]!.GetValue<double>());
    }

    [Fact]
    public async Task Search_text_output_is_a_table_of_the_hits()
    {
        var (exitCode, output, _) = await RunAsync("search", "a jig");

        Assert.Equal(0, exitCode);
        Assert.StartsWith($"search \"a jig\" (hybrid, model {FixedScoreSearch.ModelVersion}):", output);
        Assert.Contains("The Kesh", output);
        Assert.Contains("(untitled)", output);
    }

    [Fact]
    public async Task Search_classify_and_similar_present_the_API_key_and_a_wrong_one_exits_4()
    {
        var address = platform.QueryAddress.ToString();

        var search = await ClampProcess.RunAsync(null, "search", "a jig", "--address", address, "--api-key", "not-the-key-000000000000");
        var classify = await ClampProcess.RunAsync(null, "classify", "--score-id", "x", "--labels", "a,b", "--address", address, "--api-key", "not-the-key-000000000000");
        var similar = await ClampProcess.RunWithEnvironmentAsync(new Dictionary<string, string?> { ["CLAMP_API_KEY"] = PlatformHost.ApiKey },
            "similar", "--abc", "|:GAB cBA:|", "--address", address);

        Assert.Equal(4, search.ExitCode);
        Assert.StartsWith("clamp: Unauthenticated", ErrorLine.Of(search.Error));
        Assert.Equal(4, classify.ExitCode);
        Assert.Equal(0, similar.ExitCode);
    }

    [Fact]
    public async Task An_unreachable_query_service_or_ingest_api_exits_3_with_one_line()
    {
        var nowhere = $"http://127.0.0.1:{FreeTcpPort.Next()}";

        var search = await ClampProcess.RunAsync(null, "search", "a jig", "--address", nowhere);
        var classify = await ClampProcess.RunAsync(null, "classify", "--score-id", "x", "--labels", "a,b", "--address", nowhere);
        var status = await ClampProcess.RunAsync(null, "status", Guid.NewGuid().ToString(), "--ingest-url", nowhere);

        Assert.Equal(3, search.ExitCode);
        Assert.StartsWith("clamp: Unavailable", ErrorLine.Of(search.Error));
        Assert.Equal(3, classify.ExitCode);
        Assert.Equal(3, status.ExitCode);
        Assert.StartsWith($"clamp: cannot reach the ingest API at {nowhere}/", ErrorLine.Of(status.Error));
    }

    [Fact]
    public async Task A_missing_score_file_exits_5_before_anything_is_sent()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.abc");

        var classify = await RunAsync("classify", "--file", missing, "--labels", "a,b");
        var similar = await RunAsync("similar", "--file", missing);

        Assert.Equal(5, classify.ExitCode);
        Assert.Equal($"clamp: cannot read {missing}: no such file", ErrorLine.Of(classify.Error));
        Assert.Equal(5, similar.ExitCode);
    }
}
