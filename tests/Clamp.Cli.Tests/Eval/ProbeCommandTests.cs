using System.Text.Json;
using Clamp.Cli.Commands.Eval;
using Clamp.Cli.Tests.Support;

namespace Clamp.Cli.Tests.Eval;

/// <summary><c>clamp eval probe</c> end to end: the shipped model on the committed classify sample (12 Nottingham tunes + 1 broken score).</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ProbeCommandTests
{
    private static readonly string Classify = EvalSamples.PathOf("classify.jsonl");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Probe_prints_the_metrics_as_the_last_line_and_counts_an_unreadable_score_as_a_miss(bool baseline)
    {
        string[] args = ["probe", "--model", EvalSamples.Model, "--data", Classify, "--folds", "3", "--seed", "1"];
        var (exit, output, errors) = Run(baseline ? [.. args, "--baseline"] : args);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(CommandRunner.LastLine(output));
        Assert.Equal(["n", "accuracy", "macro_f1"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(13, json.RootElement.GetProperty("n").GetInt32());
        Assert.InRange(json.RootElement.GetProperty("accuracy").GetDouble(), 0, 12.0 / 13);
        Assert.Contains("broken", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_gives_the_same_last_line()
    {
        string[] args = ["probe", "--model", EvalSamples.Model, "--data", Classify, "--seed", "4"];

        Assert.Equal(CommandRunner.LastLine(Run(args).Output), CommandRunner.LastLine(Run(args).Output));
    }

    [Fact]
    public void The_baseline_reads_the_manifest_but_never_the_onnx_weights()
    {
        var model = Directory.CreateTempSubdirectory("clamp-probe-").FullName;
        try
        {
            File.Copy(Path.Combine(EvalSamples.Model, "manifest.json"), Path.Combine(model, "manifest.json"));
            // Empty stand-ins: the manifest's files must exist, but ONNX Runtime could not open these.
            File.WriteAllBytes(Path.Combine(model, "music_encoder.onnx"), []);
            File.WriteAllBytes(Path.Combine(model, "text_projection.onnx"), []);
            var (exit, output, _) = Run("probe", "--model", model, "--data", Classify, "--baseline");

            Assert.Equal(0, exit);
            Assert.StartsWith("{\"n\":13,", CommandRunner.LastLine(output), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(model, recursive: true);
        }
    }

    [Fact]
    public void Fewer_than_two_folds_are_refused()
    {
        var (exit, _, errors) = Run("probe", "--model", EvalSamples.Model, "--data", Classify, "--folds", "1");

        Assert.NotEqual(0, exit);
        Assert.Contains("--folds", errors, StringComparison.Ordinal);
    }

    private static (int Exit, string Output, string Errors) Run(params string[] args) =>
        CommandRunner.Run(EvalCommand.Create(), ["eval", .. args]);
}
