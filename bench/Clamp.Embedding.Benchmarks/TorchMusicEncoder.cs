using Clamp.Music.Patching;
using Clamp.Torch.Model;
using Clamp.Torch.Native;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Clamp.Embedding.Benchmarks;

/// <summary>
/// The TorchSharp <see cref="MusicEncoder"/> the training job trains (Clamp.Torch) holding the weights of a model directory's
/// music_encoder.onnx (read back from the initializers the training exporter names), in eval mode.
/// </summary>
public sealed class TorchMusicEncoder : IDisposable
{
    private readonly MusicEncoder _encoder;

    private TorchMusicEncoder(MusicEncoder encoder) => _encoder = encoder;

    public ModelConfig Config => _encoder.Config;

    public static TorchMusicEncoder Load(string onnxPath, int threads)
    {
        LibTorchLoader.EnsureLoaded(threads);
        var weights = OnnxWeights.Read(onnxPath);
        var config = OnnxModelConfig.Of(weights);
        var encoder = new MusicEncoder(config);
        using (no_grad())
        {
            Copy(encoder.PatchEmbedding.Table, weights, "patch_table");
            Copy(encoder.PatchEmbedding.Bias, weights, "patch_bias");
            Copy(encoder.Positions, weights, "positions");
            for (var i = 0; i < encoder.Blocks.Count; i++)
            {
                var block = encoder.Blocks[i];
                var name = $"block{i}";
                Copy(block.Norm1, weights, name + ".norm1");
                Copy(block.Query, weights, name + ".query");
                Copy(block.Key, weights, name + ".key");
                Copy(block.Value, weights, name + ".value");
                Copy(block.Output, weights, name + ".output");
                Copy(block.Norm2, weights, name + ".norm2");
                Copy(block.Up, weights, name + ".up");
                Copy(block.Down, weights, name + ".down");
            }

            Copy(encoder.FinalNorm, weights, "final_norm");
            Copy(encoder.Projection, weights, "projection");
        }

        encoder.eval();
        return new TorchMusicEncoder(encoder);
    }

    /// <summary>One embedding per sequence, padded to the longest of the batch (as the ONNX path pads).</summary>
    public float[][] Encode(IReadOnlyList<PatchSequence> batch)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        using var input = PatchBatch.Create(batch, Config.MaxPatches);
        var embeddings = _encoder.forward(input.Patches, input.Mask);
        var width = (int)embeddings.shape[1];
        var data = embeddings.data<float>().ToArray();
        return Enumerable.Range(0, batch.Count).Select(r => data.AsSpan(r * width, width).ToArray()).ToArray();
    }

    public void Dispose() => _encoder.Dispose();

    private static void Copy(Tensor target, OnnxWeights weights, string name)
    {
        using var source = tensor(weights.Floats(name), target.shape);
        target.copy_(source);
    }

    private static void Copy(Linear layer, OnnxWeights weights, string name)
    {
        var transposed = weights.Shape(name + ".weight_t");
        using var weightT = tensor(weights.Floats(name + ".weight_t"), transposed);
        layer.weight!.copy_(weightT.t());
        Copy(layer.bias!, weights, name + ".bias");
    }

    private static void Copy(LayerNorm layer, OnnxWeights weights, string name)
    {
        Copy(layer.weight!, weights, name + ".weight");
        Copy(layer.bias!, weights, name + ".bias");
    }
}
