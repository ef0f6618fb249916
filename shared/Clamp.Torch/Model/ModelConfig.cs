namespace Clamp.Torch.Model;

/// <summary>The sizes of a CLaMP model. CLaMP-S/512 is 6 layers, 768 wide, 512 patches; the default (the shipped clamp-small) trains on a 2-core CPU.</summary>
public sealed record ModelConfig
{
    public int PatchLength { get; init; } = 64;
    public int VocabularySize { get; init; } = 98;
    public int MaxPatches { get; init; } = 128;
    public int Hidden { get; init; } = 128;
    public int Layers { get; init; } = 2;
    public int Heads { get; init; } = 4;
    public int FeedForward { get; init; } = 512;
    public int EmbeddingDim { get; init; } = 128;
    public int TextBaseDim { get; init; } = 384;
    public double Dropout { get; init; } = 0.1;

    public void Validate()
    {
        if (Hidden % Heads != 0)
        {
            throw new ArgumentException($"Hidden ({Hidden}) must be a multiple of Heads ({Heads}).");
        }

        foreach (var (name, value) in new[] { (nameof(MaxPatches), MaxPatches), (nameof(Layers), Layers), (nameof(EmbeddingDim), EmbeddingDim) })
        {
            if (value <= 0)
            {
                throw new ArgumentException($"{name} must be positive, got {value}.");
            }
        }
    }
}
