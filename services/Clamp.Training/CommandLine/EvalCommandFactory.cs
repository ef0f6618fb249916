using System.CommandLine;
using System.Text.Json;
using Clamp.Inference.Onnx;
using Clamp.Music.Patching;
using Clamp.Training.Evaluation;

namespace Clamp.Training.CommandLine;

/// <summary>
/// <c>eval search</c> and <c>eval classify</c>: the benchmark contract. They run the served ONNX model directory and print
/// one JSON object as the last line; unreadable scores are reported on stderr and count as misses.
/// </summary>
public static class EvalCommandFactory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create() => new("eval", "Evaluate a model directory on a JSONL file.") { Search(), Classify() };

    private static Command Search()
    {
        var (model, data) = CommonOptions();
        var command = new Command("search", "Text-to-music search: each line's text is a query, the file's scores are the pool. Prints {n, mrr, hr1, hr10, hr100}.")
        {
            model, data,
        };
        command.SetAction(result => Run(result.GetValue(model)!, result.GetValue(data)!, "text", (embedder, items) =>
        {
            var metrics = Evaluator.Search(embedder, items);
            return new { n = metrics.N, mrr = metrics.Mrr, hr1 = metrics.Hr1, hr10 = metrics.Hr10, hr100 = metrics.Hr100 };
        }));
        return command;
    }

    private static Command Classify()
    {
        var (model, data) = CommonOptions();
        var template = new Option<string>("--template") { Description = "Label prompt; {label} is replaced.", DefaultValueFactory = _ => ZeroShotClassifier.DefaultTemplate };
        var labels = new Option<string?>("--labels") { Description = "Comma-separated labels (default: the distinct labels of the file)." };
        var command = new Command("classify", "Zero-shot classification by label prompts. Prints {n, accuracy, macro_f1}.")
        {
            model, data, template, labels,
        };
        command.SetAction(result => Run(result.GetValue(model)!, result.GetValue(data)!, "label", (embedder, items) =>
        {
            var labelList = result.GetValue(labels) is { Length: > 0 } given
                ? given.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : Evaluator.LabelsOf(items);
            var metrics = Evaluator.Classify(embedder, items, labelList.ToList(), result.GetValue(template)!);
            return new Dictionary<string, object> { ["n"] = metrics.N, ["accuracy"] = metrics.Accuracy, ["macro_f1"] = metrics.MacroF1 };
        }));
        return command;
    }

    private static (Option<string> Model, Option<string> Data) CommonOptions() =>
        (new Option<string>("--model") { Description = "The model directory (manifest.json + ONNX files).", Required = true },
         new Option<string>("--data") { Description = "The JSONL file.", Required = true });

    private static int Run(string modelDirectory, string dataPath, string textField, Func<OnnxEmbeddingModel, IReadOnlyList<EvalItem>, object> evaluate)
    {
        try
        {
            return Evaluate(modelDirectory, dataPath, textField, evaluate);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or IOException or Clamp.Inference.Manifest.ModelFormatException)
        {
            Console.Error.WriteLine($"clamp eval: {e.Message}");
            return 1;
        }
    }

    private static int Evaluate(string modelDirectory, string dataPath, string textField, Func<OnnxEmbeddingModel, IReadOnlyList<EvalItem>, object> evaluate)
    {
        using var model = Clamp.Inference.ClampModel.Load(modelDirectory, new OnnxSessionFactory(new InferenceOptions()));
        var embedder = new OnnxEmbeddingModel(model);
        var items = EvalDataFile.Read(dataPath, textField, BarPatcher.For(embedder.Scheme), embedder.MaxPatches, Console.Error);
        Console.WriteLine($"model {model.Manifest.DisplayName} on {model.Provider.Name}, {items.Count} items ({items.Count(i => i.Patches is null)} unreadable)");
        Console.WriteLine(JsonSerializer.Serialize(evaluate(embedder, items), Json));
        return 0;
    }
}
