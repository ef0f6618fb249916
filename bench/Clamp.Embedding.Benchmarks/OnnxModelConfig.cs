using Clamp.Torch.Model;

namespace Clamp.Embedding.Benchmarks;

/// <summary>The training job's <see cref="ModelConfig"/> of a music_encoder.onnx, read off its initializers (no libtorch needed).</summary>
public static class OnnxModelConfig
{
    public static ModelConfig Read(string onnxPath) => Of(OnnxWeights.Read(onnxPath));

    /// <summary>The architecture, from the initializer shapes (heads from the attention reshape constant).</summary>
    public static ModelConfig Of(OnnxWeights weights)
    {
        var table = weights.Shape("patch_table");
        var hidden = (int)table[1];
        var layers = Enumerable.Range(0, 1000).TakeWhile(i => weights.Has($"block{i}.norm1.weight")).Count();
        var heads = weights.LongVectors(4).Select(v => v).FirstOrDefault(v => v[0] == 0 && v[1] == 0 && v[2] * v[3] == hidden)
            ?? throw new InvalidDataException("The attention head count cannot be read from the ONNX file.");
        return new ModelConfig
        {
            PatchLength = 64,
            VocabularySize = (int)(table[0] / 64),
            MaxPatches = (int)weights.Shape("positions")[0],
            Hidden = hidden,
            Layers = layers,
            Heads = (int)heads[2],
            FeedForward = (int)weights.Shape("block0.up.weight_t")[1],
            EmbeddingDim = (int)weights.Shape("projection.weight_t")[1],
            Dropout = 0,
        };
    }
}
