namespace Clamp.Training.Data;

/// <summary>Which data the dataset is built from.</summary>
public sealed record DatasetOptions
{
    /// <summary>The collections held out of training as a whole: all their scores are dev (docs/training.md).</summary>
    public static readonly IReadOnlySet<string> DefaultHeldOut = new HashSet<string>(StringComparer.Ordinal) { "cre" };

    /// <summary>The shared data folder (<c>../shared/data</c> from the repository root).</summary>
    public required string DataRoot { get; init; }

    /// <summary>The share of scores held out for dev (by a hash of their id).</summary>
    public double DevShare { get; init; } = 0.1;

    /// <summary>Collections (<see cref="ScoreItem.Collection"/>) held out of training entirely.</summary>
    public IReadOnlySet<string> HeldOutCollections { get; init; } = DefaultHeldOut;

    public bool IncludeAbc { get; init; } = true;
    public bool IncludeMusicXml { get; init; } = true;
    public bool IncludeKern { get; init; } = true;
    public bool IncludeMidi { get; init; } = true;
}
