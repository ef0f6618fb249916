using System.CommandLine;
using System.Text.Json;
using Clamp.Evaluation;
using Clamp.Inference;
using Clamp.Inference.Manifest;
using Clamp.Inference.Onnx;

namespace Clamp.Cli.Commands.Eval;

/// <summary>
/// What <c>clamp eval</c> and <c>clamp embed</c> share: the <c>--model</c> and <c>--data</c> options, loading the model
/// directory on ONNX Runtime, the last line of JSON, and turning a bad input file or model directory into one line on
/// stderr and exit code 1.
/// </summary>
public static class ModelEvaluation
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The <c>--model</c> and <c>--data</c> options every evaluation (and <c>embed</c>) takes.</summary>
    public static (Option<string> Model, Option<string> Data) CommonOptions() =>
        (new Option<string>("--model") { Description = "The model directory (manifest.json + ONNX files).", Required = true },
         new Option<string>("--data") { Description = "The JSONL file.", Required = true });

    /// <summary>The last line of <c>search</c> (offline or <c>--server</c>): <c>{n, mrr, hr1, hr10, hr100}</c>.</summary>
    public static object SearchResult(SearchMetrics metrics) =>
        new { n = metrics.N, mrr = metrics.Mrr, hr1 = metrics.Hr1, hr10 = metrics.Hr10, hr100 = metrics.Hr100 };

    /// <summary>The last line of <c>classify</c> and <c>probe</c>: <c>{n, accuracy, macro_f1}</c>.</summary>
    public static object ClassificationResult(ClassificationMetrics metrics) =>
        new Dictionary<string, object> { ["n"] = metrics.N, ["accuracy"] = metrics.Accuracy, ["macro_f1"] = metrics.MacroF1 };

    /// <summary>Prints the result object as the last line (one JSON object).</summary>
    public static void PrintResult(object result) => Console.WriteLine(JsonSerializer.Serialize(result, Json));

    /// <summary>Loads the model directory on ONNX Runtime (default execution provider choice).</summary>
    public static ClampModel LoadModel(string modelDirectory) =>
        ClampModel.Load(modelDirectory, new OnnxSessionFactory(new InferenceOptions()));

    /// <summary>
    /// Runs a command body; a bad input file or model directory becomes one line on stderr, prefixed with
    /// <paramref name="command"/>, and exit code 1.
    /// </summary>
    public static int Guarded(string command, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or IOException or ModelFormatException)
        {
            Console.Error.WriteLine($"{command}: {e.Message}");
            return 1;
        }
    }

    /// <summary>Loads the model, reads the data file (<paramref name="textField"/> per line), prints a summary line and the result.</summary>
    public static int Run(string modelDirectory, string dataPath, string textField, Func<OnnxEmbeddingModel, IReadOnlyList<EvalItem>, object> evaluate) =>
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
    public static string Summary(IReadOnlyList<EvalItem> items) => $"{items.Count} items ({items.Count(i => i.Patches is null)} unreadable)";
}
