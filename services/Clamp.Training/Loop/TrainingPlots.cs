using ScottPlot;

namespace Clamp.Training.Loop;

/// <summary>PNG plots of a run: training loss per epoch of each stage, and the dev metrics per contrastive epoch.</summary>
public static class TrainingPlots
{
    public const string LossFile = "loss.png";
    public const string DevFile = "dev-metrics.png";

    public static void Write(IReadOnlyList<EpochRecord> history, string directory)
    {
        Directory.CreateDirectory(directory);
        var loss = new Plot();
        foreach (var stage in history.Select(r => r.Stage).Distinct())
        {
            var records = history.Where(r => r.Stage == stage).ToList();
            var scatter = loss.Add.Scatter(records.Select(r => (double)r.Epoch).ToArray(), records.Select(r => r.Loss).ToArray());
            scatter.LegendText = $"{stage} loss";
        }

        Finish(loss, "Training loss per epoch", "loss", Path.Combine(directory, LossFile));

        var dev = new Plot();
        var evaluated = history.Where(r => r.Dev.Count > 0).ToList();
        foreach (var metric in evaluated.SelectMany(r => r.Dev.Keys).Distinct().Where(k => k.EndsWith("mrr", StringComparison.Ordinal)
                     || k.EndsWith("hr10", StringComparison.Ordinal) || k.EndsWith("accuracy", StringComparison.Ordinal)))
        {
            var scatter = dev.Add.Scatter(evaluated.Select(r => (double)r.Epoch).ToArray(), evaluated.Select(r => r.Dev.GetValueOrDefault(metric)).ToArray());
            scatter.LegendText = metric;
        }

        Finish(dev, "Dev metrics per contrastive epoch", "value", Path.Combine(directory, DevFile));
    }

    private static void Finish(Plot plot, string title, string yLabel, string path)
    {
        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel(yLabel);
        plot.ShowLegend();
        plot.SavePng(path, 900, 500);
    }
}
