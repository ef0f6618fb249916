using System.Text.Json;
using Clamp.Cli.Commands;
using Clamp.Cli.Commands.Eval;
using Clamp.Cli.Tests.Support;
using Clamp.Evaluation;

namespace Clamp.Cli.Tests.Eval;

/// <summary><c>clamp embed</c> end to end: the shipped model on the committed eval samples.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class EmbedCommandTests
{
    private static readonly string Classify = EvalSamples.PathOf("classify.jsonl");

    [Fact]
    public void Every_line_gets_its_embedding_in_input_order_and_a_bad_score_null_and_an_error()
    {
        var (exit, output, _) = Run("--model", EvalSamples.Model, "--data", Classify);

        Assert.Equal(0, exit);
        var lines = output.TrimEnd().Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var input = File.ReadLines(Classify).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(input.Select(l => l.GetProperty("id").GetString()), lines.Select(l => l.GetProperty("id").GetString()));
        var expected = SingleEmbeddings();
        for (var i = 0; i < lines.Count; i++)
        {
            if (expected[i] is null)
            {
                Assert.Equal(JsonValueKind.Null, lines[i].GetProperty("embedding").ValueKind);
                Assert.False(string.IsNullOrEmpty(lines[i].GetProperty("error").GetString()));
                continue;
            }

            var embedding = lines[i].GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()).ToArray();
            Assert.Equal(expected[i]!.Length, embedding.Length);
            Assert.All(embedding.Zip(expected[i]!), p => Assert.Equal(p.Second, p.First, 1e-4f));
        }

        Assert.Equal(1, lines.Count(l => l.GetProperty("embedding").ValueKind == JsonValueKind.Null));
    }

    [Fact]
    public void A_missing_id_is_the_line_number_and_out_writes_the_file()
    {
        var directory = Directory.CreateTempSubdirectory("clamp-embed-").FullName;
        try
        {
            var data = Path.Combine(directory, "in.jsonl");
            var tune = EvalSamples.PathOf(Path.Combine("tunes", "jig-1.abc"));
            File.WriteAllLines(data, [JsonSerializer.Serialize(new { path = tune }), "", JsonSerializer.Serialize(new { id = 7, music = "<score-partwise" })]);
            var result = Path.Combine(directory, "out.jsonl");

            var (exit, output, _) = Run("--model", EvalSamples.Model, "--data", data, "--out", result);

            Assert.Equal(0, exit);
            Assert.Equal("", output);
            var lines = File.ReadAllLines(result).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal([1, 7], lines.Select(l => l.GetProperty("id").GetInt32()));
            Assert.Equal(128, lines[0].GetProperty("embedding").GetArrayLength());
            Assert.Equal(JsonValueKind.Null, lines[1].GetProperty("embedding").ValueKind);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Each classify sample embedded alone (null where unreadable), to compare the batched output with.</summary>
    private static float[]?[] SingleEmbeddings()
    {
        using var model = ModelEvaluation.LoadModel(EvalSamples.Model);
        var items = EvalDataFile.Read(Classify, "label", model.Manifest.Input, TextWriter.Null);
        return items.Select(i => i.Patches is null ? null : model.Music.Encode([i.Patches])[0]).ToArray();
    }

    private static (int Exit, string Output, string Errors) Run(params string[] args) =>
        CommandRunner.Run(EmbedCommand.Create(), ["embed", .. args]);
}
