using Clamp.Music.Patching;

namespace Clamp.Evaluation;

/// <summary>A served model directory (ONNX Runtime, via Clamp.Inference) as an <see cref="IEmbeddingModel"/>.</summary>
public sealed class OnnxEmbeddingModel(Clamp.Inference.ClampModel model) : IEmbeddingModel
{
    private const int PatchBudget = 8192;
    private const int TokenBudget = 8192;

    /// <summary>How scores become this model's input, from its manifest.</summary>
    public ModelInput Input => model.Manifest.Input;

    public float[][] EmbedMusic(IReadOnlyList<PatchSequence> scores) => model.Music.EncodeMany(scores, PatchBudget);

    public float[][] EmbedText(IReadOnlyList<string> texts) => model.Text.EncodeMany(texts, TokenBudget);
}
