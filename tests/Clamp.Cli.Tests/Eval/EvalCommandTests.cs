using System.Text.Json;
using Clamp.Cli.Commands.Eval;
using Clamp.Cli.Tests.Support;

namespace Clamp.Cli.Tests.Eval;

/// <summary><c>clamp eval</c> end to end: the shipped model on the committed JSONL samples (Nottingham tunes).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class EvalCommandTests
{
    private static string Data(string name) => EvalSamples.PathOf(name);

    [Fact]
    public void Search_prints_the_metrics_as_the_last_line()
    {
        var (exit, output, _) = Run("eval", "search", "--model", EvalSamples.Model, "--data", Data("search.jsonl"));

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.TrimEnd().Split('\n')[^1]);
        Assert.Equal(["n", "mrr", "hr1", "hr10", "hr100"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(12, json.RootElement.GetProperty("n").GetInt32());
        Assert.InRange(json.RootElement.GetProperty("mrr").GetDouble(), 1.0 / 12, 1.0);
        Assert.Equal(1.0, json.RootElement.GetProperty("hr100").GetDouble());
    }

    [Fact]
    public void Scores_given_by_path_and_inline_give_the_same_result()
    {
        var inline = LastLine(Run("eval", "search", "--model", EvalSamples.Model, "--data", Data("search.jsonl")).Output);
        var byPath = LastLine(Run("eval", "search", "--model", EvalSamples.Model, "--data", Data("search-paths.jsonl")).Output);

        Assert.Equal(inline, byPath);
    }

    [Fact]
    public void Classify_counts_an_unreadable_score_as_a_miss_and_reports_it()
    {
        var (exit, output, errors) = Run("eval", "classify", "--model", EvalSamples.Model, "--data", Data("classify.jsonl"));

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(LastLine(output));
        Assert.Equal(["n", "accuracy", "macro_f1"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(13, json.RootElement.GetProperty("n").GetInt32());
        Assert.InRange(json.RootElement.GetProperty("accuracy").GetDouble(), 0, 12.0 / 13);
        Assert.Contains("broken", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_takes_labels_and_a_template()
    {
        var (exit, output, _) = Run("eval", "classify", "--model", EvalSamples.Model, "--data", Data("classify.jsonl"),
            "--labels", "jig,reel", "--template", "A {label} tune.");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(LastLine(output));
        // Hornpipes and waltzes cannot be predicted with only jig and reel offered: at most the 6 jigs and reels are right.
        Assert.InRange(json.RootElement.GetProperty("accuracy").GetDouble(), 0, 6.0 / 13);
    }

    [Fact]
    public void A_missing_model_is_a_clear_error()
    {
        var (exit, _, errors) = Run("eval", "search", "--model", Path.Combine(Path.GetTempPath(), "no-such-model"), "--data", Data("search.jsonl"));

        Assert.Equal(1, exit);
        Assert.Contains("manifest.json", errors, StringComparison.Ordinal);
    }

    private static string LastLine(string output) => CommandRunner.LastLine(output);

    private static (int Exit, string Output, string Errors) Run(params string[] args) =>
        CommandRunner.Run(EvalCommand.Create(), args);
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
