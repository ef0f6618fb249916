namespace Clamp.Training.Data;

/// <summary>Which data the dataset is built from.</summary>
public sealed record DatasetOptions
{
    /// <summary>The shared data folder (<c>../shared/data</c> from the repository root).</summary>
    public required string DataRoot { get; init; }

    /// <summary>The share of scores held out for dev (by a hash of their id).</summary>
    public double DevShare { get; init; } = 0.1;

    public bool IncludeAbc { get; init; } = true;
    public bool IncludeMusicXml { get; init; } = true;
}
