namespace Clamp.Torch.Model;

/// <summary>
/// Floating-point operations of one music-encoder batch (a multiply-add counts 2), padding included, as the
/// architecture of <see cref="MusicEncoder"/> computes them: patch gather-sum, per layer Q/K/V/output projections,
/// attention scores and mixing, the feed-forward pair, then pooling and the final projection.
/// LayerNorm, softmax, GELU and the residual adds are left out (a few percent).
/// </summary>
public static class MusicEncoderFlops
{
    public static double Of(ModelConfig config, int items, int patches)
    {
        double b = items, p = patches, h = config.Hidden, f = config.FeedForward;
        var embedding = b * p * config.PatchLength * h;
        var perLayer = (4 * 2 * b * p * h * h) + (2 * 2 * b * p * p * h) + (2 * 2 * b * p * h * f);
        var head = (b * p * h) + (2 * b * h * config.EmbeddingDim);
        return embedding + (config.Layers * perLayer) + head;
    }
}
