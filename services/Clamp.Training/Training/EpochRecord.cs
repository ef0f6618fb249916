namespace Clamp.Training.Training;

/// <summary>What one epoch did: its stage, mean training loss, speed and (contrastive epochs) dev metrics.</summary>
public sealed record EpochRecord
{
    public required string Stage { get; init; }
    public required int Epoch { get; init; }
    public required double Loss { get; init; }
    public required double PatchesPerSecond { get; init; }
    public required double Seconds { get; init; }
    public double? Temperature { get; init; }
    public Dictionary<string, double> Dev { get; init; } = [];
}
