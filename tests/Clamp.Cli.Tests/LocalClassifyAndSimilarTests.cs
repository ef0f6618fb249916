using Clamp.Cli.Tests.Support;

namespace Clamp.Cli.Tests;

/// <summary><c>clamp classify FILE --labels …</c> and <c>clamp similar FILE DIR</c>: local mode, no server.</summary>
public class LocalClassifyAndSimilarTests
{
    [Fact]
    public async Task Classify_gives_every_label_in_probability_order_with_probabilities_summing_to_one()
    {
        var (exitCode, output, error) = await ClampProcess.RunAsync(null,
            "classify", ClampProcess.Sample("oneills-0001-0005.abc"), "--labels", "jig,reel,hornpipe", "--json");

        Assert.True(exitCode == 0, error);
        var labels = JsonLastLine.Of(output)["labels"]!.AsArray();
        Assert.Equal(["hornpipe", "jig", "reel"], labels.Select(l => l!["label"]!.GetValue<string>()).Order());
        var probabilities = labels.Select(l => l!["probability"]!.GetValue<double>()).ToList();
        Assert.Equal(probabilities.OrderDescending(), probabilities);
        Assert.Equal(1.0, probabilities.Sum(), 6);
        Assert.All(labels, l => Assert.InRange(l!["similarity"]!.GetValue<double>(), -1.0, 1.0));
    }

    [Fact]
    public async Task Classify_text_output_names_the_file_and_model()
    {
        var (exitCode, output, _) = await ClampProcess.RunAsync(null,
            "classify", ClampProcess.Sample("bwv67.4.xml"), "--labels", "chorale,pop song");

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("bwv67.4.xml (model clamp-small@2.0.0):", lines[0]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task Classify_of_a_missing_file_is_exit_code_5()
    {
        var (exitCode, _, error) = await ClampProcess.RunAsync(null, "classify", "no-such-tune.abc", "--labels", "jig,reel");

        Assert.Equal(5, exitCode);
        Assert.Equal("clamp: cannot read no-such-tune.abc: no such file", ErrorLine.Of(error));
    }

    [Fact]
    public async Task Classify_with_repeated_labels_is_a_usage_error()
    {
        var (exitCode, _, error) = await ClampProcess.RunAsync(null, "classify", ClampProcess.Sample("bwv67.4.xml"), "--labels", "jig,jig");

        Assert.Equal(2, exitCode);
        Assert.Equal("clamp: The labels must be distinct.", ErrorLine.Of(error));
    }

    [Fact]
    public async Task Similar_ranks_a_copy_of_the_file_first()
    {
        using var scores = LocalScores.Create();
        scores.Write("copies/the-same-march.krn", File.ReadAllBytes(ClampProcess.Sample("rosebud.krn")));

        var (exitCode, output, error) = await ClampProcess.RunAsync(null,
            "similar", ClampProcess.Sample("rosebud.krn"), scores.Path, "--json", "--k", "20");

        Assert.True(exitCode == 0, error);
        var results = JsonLastLine.Of(output)["results"]!.AsArray();
        Assert.Equal(9, results.Count);
        var top = results.Take(2).Select(r => r!["path"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(["copies/the-same-march.krn", "rosebud.krn"], top);
        Assert.Equal(1.0, results[0]!["score"]!.GetValue<double>(), 4);
        Assert.True(results[2]!["score"]!.GetValue<double>() < 0.999);
    }

    [Fact]
    public async Task Similar_with_a_missing_directory_is_exit_code_5()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"clamp-missing-{Guid.NewGuid():N}");

        var (exitCode, _, error) = await ClampProcess.RunAsync(null, "similar", ClampProcess.Sample("bwv67.4.xml"), missing);

        Assert.Equal(5, exitCode);
        Assert.Equal($"clamp: cannot read {missing}: no such directory", ErrorLine.Of(error));
    }
}
