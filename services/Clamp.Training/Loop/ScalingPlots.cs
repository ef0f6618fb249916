using ScottPlot;

namespace Clamp.Training.Loop;

/// <summary>
/// The plots of a scaling study: for each dev metric, one PNG with a line per training run, the metric after each
/// contrastive epoch against the training compute spent so far (masked-model epochs included), in PFLOP.
/// </summary>
public static class ScalingPlots
{
    /// <summary>The dev metrics plotted, as <see cref="DevReport.Flatten"/> names them.</summary>
    public static readonly IReadOnlyList<string> Metrics =
        ["search.mrr", "search.hr10", "repertoire.accuracy", "cre-tune-type.accuracy", "tune-type.accuracy", "song-composer.accuracy", "kern-composer.accuracy", "genre.accuracy"];

    public static IReadOnlyList<string> Write(IReadOnlyList<(string Name, IReadOnlyList<EpochRecord> History)> runs, string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var metric in Metrics)
        {
            var plot = new Plot();
            foreach (var (name, history) in runs)
            {
                var points = Points(history, metric);
                if (points.Count > 0)
                {
                    plot.Add.Scatter(points.Select(p => p.Pflop).ToArray(), points.Select(p => p.Value).ToArray()).LegendText = name;
                }
            }

            plot.Title($"Dev {metric} against training compute");
            plot.XLabel("training compute (PFLOP)");
            plot.YLabel(metric);
            plot.ShowLegend();
            var path = Path.Combine(directory, $"scaling-{metric.Replace('.', '-')}.png");
            plot.SavePng(path, 900, 500);
            written.Add(path);
        }

        return written;
    }

    /// <summary>(compute so far, metric) after each epoch that has the metric.</summary>
    public static List<(double Pflop, double Value)> Points(IReadOnlyList<EpochRecord> history, string metric)
    {
        var points = new List<(double, double)>();
        var flop = 0.0;
        foreach (var record in history)
        {
            flop += record.TrainingFlop;
            if (record.Dev.TryGetValue(metric, out var value))
            {
                points.Add((flop / 1e15, value));
            }
        }

        return points;
    }
}
