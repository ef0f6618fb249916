using ScottPlot;

namespace Clamp.LoadTest;

/// <summary>The ingest run as a PNG: accepted and searchable scores over time, and what waits at each stage.</summary>
internal static class IngestTimelinePlot
{
    public static void Write(IReadOnlyList<TimelineSample> samples, string path, string title)
    {
        var plot = new Plot();
        var seconds = samples.Select(s => s.Seconds).ToArray();
        Line(plot, seconds, samples.Select(s => (double)s.Accepted), "accepted by the ingest API");
        Line(plot, seconds, samples.Select(s => (double)s.Searchable), "searchable (indexed)");
        var withQueues = samples.Where(s => s.Waiting is not null).ToList();
        for (var stage = 0; stage < IngestTimeline.Stages.Length; stage++)
        {
            var index = stage;
            Line(plot, withQueues.Select(s => s.Seconds).ToArray(), withQueues.Select(s => (double)s.Waiting![index]), IngestTimeline.Stages[stage].Label);
        }

        plot.Title(title);
        plot.XLabel("seconds since the first upload");
        plot.YLabel("scores");
        plot.ShowLegend(Alignment.UpperLeft);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, 1000, 560);
    }

    private static void Line(Plot plot, double[] xs, IEnumerable<double> ys, string label)
    {
        var scatter = plot.Add.Scatter(xs, ys.ToArray());
        scatter.LegendText = label;
        scatter.MarkerSize = 0;
    }
}
