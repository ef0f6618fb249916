using System.CommandLine;
using Clamp.Cli.Commands.ServerEval;
using Clamp.Evaluation;

namespace Clamp.Cli.Commands.Eval;

/// <summary>
/// <c>clamp eval search|classify|probe --model DIR --data FILE.jsonl</c>: the benchmark contract, run on the served ONNX
/// model directory (see docs/training.md), or for search on a running platform with <c>--server</c>
/// (<see cref="ServerSearchOptions"/>). The last line printed is one JSON object of metrics; unreadable scores are
/// reported on stderr and count as misses.
/// </summary>
public static class EvalCommand
{
    public static Command Create() => new("eval", "Evaluate a model directory (or, for search, a running platform) on a JSONL file.")
    {
        Search(), Classify(), ProbeCommand.Create(),
    };

    private static Command Search()
    {
        var (model, data) = ModelEvaluation.CommonOptions();
        var command = new Command("search", "Text-to-music search: each line's text is a query, the file's scores are the pool. Prints {n, mrr, hr1, hr10, hr100}.")
        {
            model, data,
        };
        command.SetAction(result => ModelEvaluation.Run(result.GetValue(model)!, result.GetValue(data)!, "text",
            (embedder, items) => ModelEvaluation.SearchResult(Evaluator.Search(embedder, items))));
        ServerSearchOptions.AttachTo(command);
        return command;
    }

    private static Command Classify()
    {
        var (model, data) = ModelEvaluation.CommonOptions();
        var template = new Option<string?>("--template") { Description = "Label prompt; {label} is replaced (default: the model's own, from its manifest)." };
        var labels = new Option<string?>("--labels") { Description = "Comma-separated labels (default: the distinct labels of the file)." };
        var command = new Command("classify", "Zero-shot classification by label prompts. Prints {n, accuracy, macro_f1}.")
        {
            model, data, template, labels,
        };
        command.SetAction(result => ModelEvaluation.Run(result.GetValue(model)!, result.GetValue(data)!, "label", (embedder, items) =>
        {
            var labelList = result.GetValue(labels) is { Length: > 0 } given
                ? given.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : Evaluator.LabelsOf(items);
            return ModelEvaluation.ClassificationResult(Evaluator.Classify(embedder, items, labelList.ToList(), result.GetValue(template) ?? embedder.Input.PromptTemplate));
        }));
        return command;
    }
}
