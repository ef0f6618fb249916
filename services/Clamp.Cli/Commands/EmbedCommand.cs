using System.CommandLine;
using System.Text.Json;
using Clamp.Cli.Commands.Eval;
using Clamp.Evaluation;
using Clamp.Music.Patching;

namespace Clamp.Cli.Commands;

/// <summary>
/// <c>clamp embed --model DIR --data FILE.jsonl [--out FILE]</c>: feature extraction. One JSON line per input line, in
/// input order: <c>{"id", "embedding": [...]}</c>, or <c>{"id", "embedding": null, "error"}</c> for a score that cannot be read. Scores are embedded in batches on the
/// served ONNX model; the output goes to <c>--out</c> or stdout, the summary to stderr.
/// </summary>
public static class EmbedCommand
{
    /// <summary>Input lines read, embedded (in length-sorted ONNX batches) and written per chunk.</summary>
    private const int ChunkLines = 512;

    public static Command Create()
    {
        var (model, data) = ModelEvaluation.CommonOptions();
        var output = new Option<string?>("--out") { Description = "The JSONL file to write (default: stdout)." };
        var command = new Command("embed", "Music embeddings of a JSONL file ({id?, music | path} per line): one {id, embedding} line per input line.")
        {
            model, data, output,
        };
        command.SetAction(result => ModelEvaluation.Guarded("clamp embed", () => Embed(result.GetValue(model)!, result.GetValue(data)!, result.GetValue(output))));
        return command;
    }

    private static int Embed(string modelDirectory, string dataPath, string? outputPath)
    {
        using var model = ModelEvaluation.LoadModel(modelDirectory);
        var embedder = new OnnxEmbeddingModel(model);
        var items = EmbedDataFile.Read(dataPath, embedder.Input);
        using var file = outputPath is null ? null : File.CreateText(outputPath);
        var writer = file ?? Console.Out;
        var (written, failed) = (0, 0);
        foreach (var chunk in items.Chunk(ChunkLines))
        {
            var embeddings = MusicEmbeddings.Of(embedder, chunk.Select(i => i.Patches).ToList());
            for (var i = 0; i < chunk.Length; i++)
            {
                writer.WriteLine(Line(chunk[i], embeddings[i]));
                failed += embeddings[i] is null ? 1 : 0;
            }

            written += chunk.Length;
        }

        writer.Flush();
        Console.Error.WriteLine($"model {model.Manifest.DisplayName} on {model.Provider.Name}: {written} lines, {failed} unreadable");
        return 0;
    }

    private static string Line(EmbedItem item, float[]? embedding) => embedding is null
        ? JsonSerializer.Serialize(new { id = item.Id, embedding = (float[]?)null, error = item.Error })
        : JsonSerializer.Serialize(new { id = item.Id, embedding });
}
