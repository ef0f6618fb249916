namespace Clamp.Training.Loop;

/// <summary>What one epoch did: its stage, mean training loss, speed and (contrastive epochs) dev metrics.</summary>
public sealed record EpochRecord
{
    public required string Stage { get; init; }
    public required int Epoch { get; init; }
    public required double Loss { get; init; }
    public required double PatchesPerSecond { get; init; }
    public required double Seconds { get; init; }
    public double? Temperature { get; init; }

    /// <summary>Floating-point operations of the epoch's training steps (forward and backward, about 3 forward passes).</summary>
    public double TrainingFlop { get; init; }

    /// <summary>The machine's 1-minute load average when the epoch ended (2 means both cores busy).</summary>
    public double? LoadAverage { get; init; }
    public Dictionary<string, double> Dev { get; init; } = [];
}
