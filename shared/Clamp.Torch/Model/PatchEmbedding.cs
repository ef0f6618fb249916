using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Clamp.Torch.Model;

/// <summary>
/// CLaMP's bar-patch embedding: the one-hot encoding of the 64 characters of a patch (64 x vocabulary) times a
/// linear layer, computed as a gather-and-sum over a (position, character) table plus a bias.
/// </summary>
public sealed class PatchEmbedding : nn.Module<Tensor, Tensor>
{
    private readonly EmbeddingBag table;
    private readonly Parameter bias;
    private readonly Tensor _offsets;
    private readonly int _patchLength;

    public PatchEmbedding(ModelConfig config) : base(nameof(PatchEmbedding))
    {
        _patchLength = config.PatchLength;
        table = nn.EmbeddingBag(config.PatchLength * config.VocabularySize, config.Hidden, mode: EmbeddingBagMode.Sum);
        using (no_grad())
        {
            nn.init.normal_(table.weight!, 0, 1.0 / Math.Sqrt(config.PatchLength));
        }

        bias = nn.Parameter(zeros(config.Hidden));
        _offsets = arange(config.PatchLength, dtype: ScalarType.Int64).mul(config.VocabularySize);
        RegisterComponents();
    }

    /// <summary>The (patchLength * vocabulary, hidden) table: row position * vocabulary + id.</summary>
    public Tensor Table => table.weight!;

    public Tensor Bias => bias;

    /// <param name="patches">int64 [batch, patches, patchLength]</param>
    /// <returns>float32 [batch, patches, hidden]</returns>
    public override Tensor forward(Tensor patches)
    {
        var batch = patches.shape[0];
        var count = patches.shape[1];
        using var flat = patches.reshape(-1, _patchLength).add(_offsets);
        using var summed = table.forward(flat, null, null);
        return summed.add(bias).reshape(batch, count, -1);
    }
}
