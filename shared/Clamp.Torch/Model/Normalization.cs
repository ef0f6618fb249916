using static TorchSharp.torch;

namespace Clamp.Torch.Model;

public static class Normalization
{
    public const float Epsilon = 1e-12f;

    /// <summary>x / max(||x||, eps) along the last dimension (the same formula as the exported ONNX graphs).</summary>
    public static Tensor L2(Tensor x)
    {
        using var norm = x.square().sum(-1, keepdim: true).sqrt().clamp_min(Epsilon);
        return x.div(norm);
    }
}
