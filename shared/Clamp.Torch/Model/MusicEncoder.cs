using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Clamp.Torch.Model;

/// <summary>
/// The music tower: bar-patch embedding + learned positions -> transformer encoder -> final LayerNorm ->
/// masked mean pooling -> projection -> L2 normalisation.
/// </summary>
public sealed class MusicEncoder : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>Added to the attention scores of padding patches.</summary>
    public const float PaddingBias = -1e9f;

    private readonly PatchEmbedding patchEmbedding;
    private readonly Embedding positions;
    private readonly ModuleList<SelfAttentionBlock> blocks;
    private readonly LayerNorm finalNorm;
    private readonly Linear projection;
    private readonly Dropout dropout;

    public MusicEncoder(ModelConfig config) : base(nameof(MusicEncoder))
    {
        Config = config;
        patchEmbedding = new PatchEmbedding(config);
        positions = nn.Embedding(config.MaxPatches, config.Hidden);
        using (no_grad())
        {
            nn.init.normal_(positions.weight!, 0, 0.02);
        }

        blocks = nn.ModuleList(Enumerable.Range(0, config.Layers).Select(_ => new SelfAttentionBlock(config)).ToArray());
        finalNorm = nn.LayerNorm(config.Hidden);
        projection = nn.Linear(config.Hidden, config.EmbeddingDim);
        dropout = nn.Dropout(config.Dropout);
        RegisterComponents();
    }

    public ModelConfig Config { get; }
    public PatchEmbedding PatchEmbedding => patchEmbedding;
    public Tensor Positions => positions.weight!;
    public IReadOnlyList<SelfAttentionBlock> Blocks => [.. blocks];
    public LayerNorm FinalNorm => finalNorm;
    public Linear Projection => projection;

    /// <summary>The contextual patch states after the final LayerNorm, [batch, patches, hidden].</summary>
    /// <param name="patches">int64 [batch, patches, patchLength]</param>
    /// <param name="mask">int64 [batch, patches], 1 for real patches</param>
    public Tensor Hidden(Tensor patches, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var count = patches.shape[1];
        var x = patchEmbedding.forward(patches).add(positions.weight!.narrow(0, 0, count));
        x = dropout.forward(x);
        var bias = ones_like(mask, ScalarType.Float32).sub(mask.to_type(ScalarType.Float32)).mul(PaddingBias)
            .reshape(mask.shape[0], 1, 1, count);
        foreach (var block in blocks)
        {
            x = block.forward(x, bias);
        }

        return finalNorm.forward(x).MoveToOuterDisposeScope();
    }

    /// <summary>Masked mean of the patch states, projected and L2-normalised: [batch, embeddingDim].</summary>
    public override Tensor forward(Tensor patches, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var states = Hidden(patches, mask);
        var weights = mask.to_type(ScalarType.Float32).unsqueeze(-1);
        var pooled = states.mul(weights).sum(1).div(weights.sum(1).clamp_min(1));
        return Normalization.L2(projection.forward(pooled)).MoveToOuterDisposeScope();
    }
}
