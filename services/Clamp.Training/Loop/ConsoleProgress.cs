using Spectre.Console;

namespace Clamp.Training.Loop;

/// <summary>
/// A Spectre.Console progress bar (loss, throughput, ETA) on an interactive terminal; plain lines about every
/// 2% of a stage when the output is redirected (logs, CI).
/// </summary>
public sealed class ConsoleProgress(TextWriter? log = null) : ITrainingProgress
{
    private readonly TextWriter _log = log ?? Console.Out;

    public void Log(string message) => _log.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");

    public void RunStage(string name, int steps, Action<IStageProgress> body)
    {
        if (Console.IsOutputRedirected || log is not null)
        {
            body(new LineStage(name, new StageMeter(steps), Log));
            return;
        }

        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(name), maxValue: steps);
                body(new BarStage(name, task, new StageMeter(steps)));
            });
    }

    private sealed class BarStage(string name, ProgressTask task, StageMeter meter) : IStageProgress
    {
        public void Step(double loss, int patches)
        {
            meter.Step(loss, patches);
            task.Description = Markup.Escape($"{name} | {meter.Describe()}");
            task.Increment(1);
        }
    }

    private sealed class LineStage(string name, StageMeter meter, Action<string> log) : IStageProgress
    {
        private readonly int _every = Math.Max(1, meter.Steps / 50);

        public void Step(double loss, int patches)
        {
            meter.Step(loss, patches);
            if (meter.Done % _every == 0 || meter.Done == meter.Steps)
            {
                log($"{name} {meter.Done}/{meter.Steps} ({100.0 * meter.Done / meter.Steps:F0}%) | {meter.Describe()} | elapsed {meter.Elapsed:hh\\:mm\\:ss} | ETA {meter.Remaining:hh\\:mm\\:ss}");
            }
        }
    }
}
