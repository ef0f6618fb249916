using System.Globalization;
using Clamp.Evaluation;
using Clamp.Training.Data;

namespace Clamp.Training.Loop;

/// <summary>A zero-shot task's result beside its trivial baselines.</summary>
public sealed record TaskResult(string Task, IReadOnlyList<string> Labels, ClassificationMetrics Model, ClassificationMetrics Majority)
{
    public double Chance => 1.0 / Labels.Count;
}

/// <summary>Dev metrics of one model: text-to-music search over the whole dev split and every zero-shot task.</summary>
public sealed record DevReport(SearchMetrics Search, IReadOnlyList<TaskResult> Tasks)
{
    public Dictionary<string, double> Flatten()
    {
        var values = new Dictionary<string, double>
        {
            ["search.mrr"] = Search.Mrr,
            ["search.hr1"] = Search.Hr1,
            ["search.hr10"] = Search.Hr10,
            ["search.hr100"] = Search.Hr100,
        };
        foreach (var task in Tasks)
        {
            values[$"{task.Task}.accuracy"] = task.Model.Accuracy;
            values[$"{task.Task}.macroF1"] = task.Model.MacroF1;
        }

        return values;
    }

    public string Summary() =>
        string.Create(CultureInfo.InvariantCulture, $"search MRR {Search.Mrr:F3} HR@10 {Search.Hr10:F3}") +
        string.Concat(Tasks.Select(t => string.Create(CultureInfo.InvariantCulture, $" | {t.Task} acc {t.Model.Accuracy:F3} F1 {t.Model.MacroF1:F3}")));
}

public static class DevEvaluation
{
    /// <summary>Labels with fewer dev scores than this are left out of a task.</summary>
    public const int MinScoresPerLabel = 3;

    public static DevReport Run(IEmbeddingModel model, TrainingData data, string template)
    {
        var search = Evaluator.Search(model, data.Dev.Select((item, i) => new EvalItem(item.Description, data.DevPatches[i])).ToList());
        var tasks = new List<TaskResult>();
        foreach (var task in DevTasks.All)
        {
            var items = TaskItems(data.Dev, data.DevPatches, task);
            if (items.Count == 0)
            {
                continue;
            }

            var labels = Evaluator.LabelsOf(items).Order(StringComparer.Ordinal).ToList();
            var truth = items.Select(i => i.Text).ToList();
            tasks.Add(new TaskResult(task, labels, Evaluator.Classify(model, items, labels, template), ClassificationMetrics.Majority(truth, labels)));
        }

        return new DevReport(search, tasks);
    }

    /// <summary>The dev scores of a task as (label, patches), without labels that have too few scores.</summary>
    public static List<EvalItem> TaskItems(IReadOnlyList<ScoreItem> dev, IReadOnlyList<Clamp.Music.Patching.PatchSequence> patches, string task)
    {
        var labelled = dev.Select((item, i) => (label: item.Labels.GetValueOrDefault(task), patches: patches[i]))
            .Where(p => p.label is not null)
            .ToList();
        var kept = labelled.GroupBy(p => p.label).Where(g => g.Count() >= MinScoresPerLabel).Select(g => g.Key).ToHashSet();
        return labelled.Where(p => kept.Contains(p.label)).Select(p => new EvalItem(p.label!, p.patches)).ToList();
    }
}
