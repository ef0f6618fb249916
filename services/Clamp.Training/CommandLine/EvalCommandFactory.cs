using System.CommandLine;
using System.Text.Json;
using Clamp.Inference.Onnx;
using Clamp.Music.Patching;
using Clamp.Training.Evaluation;

namespace Clamp.Training.CommandLine;

/// <summary>
/// <c>eval search</c>, <c>eval classify</c> and <c>eval probe</c> (<see cref="ProbeCommandFactory"/>): the benchmark
/// contract. They run the served ONNX model directory and print one JSON object as the last line; unreadable scores are
/// reported on stderr and count as misses.
/// </summary>
public static class EvalCommandFactory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create() => new("eval", "Evaluate a model directory on a JSONL file.") { Search(), Classify(), ProbeCommandFactory.Create(), ScalingCommandFactory.Create() };

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
        var template = new Option<string?>("--template") { Description = "Label prompt; {label} is replaced (default: the model's own, from its manifest)." };
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
            return ClassificationResult(Evaluator.Classify(embedder, items, labelList.ToList(), result.GetValue(template) ?? embedder.Input.PromptTemplate));
        }));
        return command;
    }

    /// <summary>The <c>--model</c> and <c>--data</c> options every evaluation (and <c>embed</c>) takes.</summary>
    internal static (Option<string> Model, Option<string> Data) CommonOptions() =>
        (new Option<string>("--model") { Description = "The model directory (manifest.json + ONNX files).", Required = true },
         new Option<string>("--data") { Description = "The JSONL file.", Required = true });

    /// <summary>The last line of <c>classify</c> and <c>probe</c>: <c>{n, accuracy, macro_f1}</c>.</summary>
    internal static object ClassificationResult(ClassificationMetrics metrics) =>
        new Dictionary<string, object> { ["n"] = metrics.N, ["accuracy"] = metrics.Accuracy, ["macro_f1"] = metrics.MacroF1 };

    /// <summary>Prints the result object as the last line (one JSON object).</summary>
    internal static void PrintResult(object result) => Console.WriteLine(JsonSerializer.Serialize(result, Json));

    /// <summary>Loads the model directory on ONNX Runtime (default execution provider choice).</summary>
    internal static Clamp.Inference.ClampModel LoadModel(string modelDirectory) =>
        Clamp.Inference.ClampModel.Load(modelDirectory, new OnnxSessionFactory(new InferenceOptions()));

    /// <summary>
    /// Runs a command body; a bad input file or model directory becomes one line on stderr, prefixed with
    /// <paramref name="command"/>, and exit code 1.
    /// </summary>
    internal static int Guarded(string command, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or IOException or Clamp.Inference.Manifest.ModelFormatException)
        {
            Console.Error.WriteLine($"{command}: {e.Message}");
            return 1;
        }
    }

    /// <summary>Loads the model, reads the data file (<paramref name="textField"/> per line), prints a summary line and the result.</summary>
    internal static int Run(string modelDirectory, string dataPath, string textField, Func<OnnxEmbeddingModel, IReadOnlyList<EvalItem>, object> evaluate) =>
        Guarded("clamp eval", () =>
        {
            using var model = LoadModel(modelDirectory);
            var embedder = new OnnxEmbeddingModel(model);
            var items = EvalDataFile.Read(dataPath, textField, embedder.Input, Console.Error);
            Console.WriteLine($"model {model.Manifest.DisplayName} on {model.Provider.Name}, {Summary(items)}");
            PrintResult(evaluate(embedder, items));
            return 0;
        });

    /// <summary>"N items (M unreadable)".</summary>
    internal static string Summary(IReadOnlyList<EvalItem> items) => $"{items.Count} items ({items.Count(i => i.Patches is null)} unreadable)";
}
