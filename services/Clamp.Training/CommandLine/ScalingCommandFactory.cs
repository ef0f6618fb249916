using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Clamp.Training.Loop;

namespace Clamp.Training.CommandLine;

/// <summary>
/// <c>scaling --run DIR … --out DIR</c>: the scaling study of several training runs (their work folders):
/// one PNG per dev metric against training compute, and a Markdown table of each run's last epoch.
/// </summary>
public static class ScalingCommandFactory
{
    public static Command Create()
    {
        var runs = new Option<string[]>("--run") { Description = "A training run's work folder (repeat for each run).", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Where the plots go.", Required = true };
        var command = new Command("scaling", "Plot dev metrics of several training runs against their training compute.") { runs, output };
        command.SetAction(result =>
        {
            try
            {
                return Report(result.GetValue(runs)!, result.GetValue(output)!);
            }
            catch (Exception e) when (e is IOException or JsonException)
            {
                Console.Error.WriteLine($"scaling: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>Writes the plots and prints the Markdown table of each run's last epoch; a folder without a checkpoint is an <see cref="IOException"/>.</summary>
    private static int Report(IEnumerable<string> runDirectories, string outputDirectory)
    {
        IReadOnlyList<(string Name, IReadOnlyList<EpochRecord> History)> loaded =
            [.. runDirectories.Select(dir => (Path.GetFileName(Path.TrimEndingDirectorySeparator(dir)), Checkpoint.History(dir)))];
        foreach (var path in ScalingPlots.Write(loaded, outputDirectory))
        {
            Console.Error.WriteLine($"wrote {path}");
        }

        Console.WriteLine("| run | epochs | training PFLOP | train seconds | " + string.Join(" | ", ScalingPlots.Metrics) + " |");
        Console.WriteLine("|---|---:|---:|---:|" + string.Concat(ScalingPlots.Metrics.Select(_ => "---:|")));
        foreach (var (name, history) in loaded)
        {
            var last = history.LastOrDefault(r => r.Dev.Count > 0);
            var values = ScalingPlots.Metrics.Select(m => last?.Dev.TryGetValue(m, out var v) == true ? v.ToString("F3", CultureInfo.InvariantCulture) : "—");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {history.Count} | {history.Sum(r => r.TrainingFlop) / 1e15:F3} | {history.Sum(r => r.Seconds):F0} | {string.Join(" | ", values)} |"));
        }

        return 0;
    }
}
