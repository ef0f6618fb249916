using System.Diagnostics;

namespace Clamp.Training.Loop;

/// <summary>Running loss, throughput and ETA of a stage.</summary>
public sealed class StageMeter(int steps)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _lossSum;
    private double _recentLoss = double.NaN;
    private long _patches;

    public int Done { get; private set; }
    public int Steps => steps;
    public double MeanLoss => Done == 0 ? double.NaN : _lossSum / Done;
    public double PatchesPerSecond => _patches / Math.Max(_clock.Elapsed.TotalSeconds, 1e-9);
    public TimeSpan Elapsed => _clock.Elapsed;
    public TimeSpan Remaining => Done == 0 ? TimeSpan.Zero : _clock.Elapsed / Done * (steps - Done);

    public void Step(double loss, int patches)
    {
        Done++;
        _lossSum += loss;
        _patches += patches;
        _recentLoss = double.IsNaN(_recentLoss) ? loss : 0.95 * _recentLoss + 0.05 * loss;
    }

    public string Describe() => $"loss {_recentLoss:F3} | {PatchesPerSecond:F0} patches/s";
}
