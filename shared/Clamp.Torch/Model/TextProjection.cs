using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Clamp.Torch.Model;

/// <summary>The trained part of the text tower: the frozen 384-d MiniLM sentence embedding -> linear -> L2 normalisation.</summary>
public sealed class TextProjection : nn.Module<Tensor, Tensor>
{
    private readonly Linear projection;

    public TextProjection(ModelConfig config) : base(nameof(TextProjection))
    {
        projection = nn.Linear(config.TextBaseDim, config.EmbeddingDim);
        RegisterComponents();
    }

    public Linear Projection => projection;

    public override Tensor forward(Tensor sentenceEmbeddings)
    {
        using var projected = projection.forward(sentenceEmbeddings);
        return Normalization.L2(projected);
    }
}
