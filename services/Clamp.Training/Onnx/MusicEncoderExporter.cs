using Clamp.Training.Model;
using Onnx;
using static TorchSharp.torch;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Clamp.Training.Onnx;

/// <summary>
/// Writes <see cref="MusicEncoder"/> as ONNX (docs/model-format.md): inputs <c>patches</c> int64
/// [batch, patches, 64] and <c>patch_mask</c> int64 [batch, patches], output <c>embedding</c> float32
/// [batch, embeddingDim], L2-normalised.
/// </summary>
public static class MusicEncoderExporter
{
    public const string PatchesInput = "patches";
    public const string MaskInput = "patch_mask";
    public const string OutputName = "embedding";

    public static byte[] Export(MusicEncoder encoder)
    {
        var config = encoder.Config;
        var graph = new OnnxGraphBuilder("clamp_music_encoder");
        var layers = new OnnxLayers(graph);
        var patches = graph.Input(PatchesInput, DataType.Int64, "batch", "patches", config.PatchLength);
        var mask = graph.Input(MaskInput, DataType.Int64, "batch", "patches");
        graph.Output(OutputName, DataType.Float, "batch", config.EmbeddingDim);

        var x = PatchEmbedding(layers, encoder, patches);
        var count = graph.Node("Shape", [patches], null, OnnxGraphBuilder.Int("start", 1), OnnxGraphBuilder.Int("end", 2));
        var positionTable = graph.Floats("positions", OnnxLayers.Values(encoder.Positions), config.MaxPatches, config.Hidden);
        x = graph.Node("Add", [x, graph.Node("Slice", [positionTable, graph.Vector(0), count, graph.Vector(0)])]);

        var maskFloat = graph.Node("Cast", [mask], null, OnnxGraphBuilder.Int("to", (long)DataType.Float));
        var padding = graph.Node("Mul", [graph.Node("Sub", [graph.Scalar(1f), maskFloat]), graph.Scalar(MusicEncoder.PaddingBias)]);
        var attentionBias = graph.Node("Unsqueeze", [padding, graph.Vector(1, 2)]);

        for (var i = 0; i < encoder.Blocks.Count; i++)
        {
            x = Block(layers, encoder.Blocks[i], x, attentionBias, config, $"block{i}");
        }

        x = layers.LayerNorm(x, encoder.FinalNorm, "final_norm");
        var weights = graph.Node("Unsqueeze", [maskFloat, graph.Vector(-1)]);
        var summed = graph.Node("ReduceSum", [graph.Node("Mul", [x, weights]), graph.Vector(1)], null, OnnxGraphBuilder.Int("keepdims", 0));
        var counts = graph.Node("Max", [graph.Node("ReduceSum", [maskFloat, graph.Vector(1)], null, OnnxGraphBuilder.Int("keepdims", 1)), graph.Scalar(1f)]);
        var projected = layers.Linear(graph.Node("Div", [summed, counts]), encoder.Projection, "projection");
        layers.L2Normalize(projected, Normalization.Epsilon, OutputName);
        return graph.ToBytes("Clamp.Training");
    }

    /// <summary>Gather rows (position * vocabulary + id) of the patch table, sum over the patch, add the bias.</summary>
    private static string PatchEmbedding(OnnxLayers layers, MusicEncoder encoder, string patches)
    {
        var graph = layers.Graph;
        var config = encoder.Config;
        var offsets = Enumerable.Range(0, config.PatchLength).Select(p => (long)p * config.VocabularySize).ToArray();
        var rows = graph.Node("Add", [patches, graph.Longs("patch_offsets", offsets, config.PatchLength)]);
        var table = graph.Floats("patch_table", OnnxLayers.Values(encoder.PatchEmbedding.Table),
            config.PatchLength * config.VocabularySize, config.Hidden);
        var gathered = graph.Node("Gather", [table, rows], null, OnnxGraphBuilder.Int("axis", 0));
        var summed = graph.Node("ReduceSum", [gathered, graph.Vector(2)], null, OnnxGraphBuilder.Int("keepdims", 0));
        return graph.Node("Add", [summed, graph.Floats("patch_bias", OnnxLayers.Values(encoder.PatchEmbedding.Bias), config.Hidden)]);
    }

    private static string Block(OnnxLayers layers, SelfAttentionBlock block, string x, string attentionBias, ModelConfig config, string name)
    {
        var graph = layers.Graph;
        var headSize = config.Hidden / config.Heads;
        var h = layers.LayerNorm(x, block.Norm1, name + ".norm1");
        var split = graph.Vector(0, 0, config.Heads, headSize);
        string Heads(string projected, long[] perm) =>
            graph.Node("Transpose", [graph.Node("Reshape", [projected, split])], null, OnnxGraphBuilder.Ints("perm", perm));

        var q = Heads(layers.Linear(h, block.Query, name + ".query"), [0, 2, 1, 3]);
        var kT = Heads(layers.Linear(h, block.Key, name + ".key"), [0, 2, 3, 1]);
        var v = Heads(layers.Linear(h, block.Value, name + ".value"), [0, 2, 1, 3]);
        var scores = graph.Node("Add", [graph.Node("Div", [graph.Node("MatMul", [q, kT]), graph.Scalar(MathF.Sqrt(headSize))]), attentionBias]);
        var attended = graph.Node("MatMul", [graph.Node("Softmax", [scores], null, OnnxGraphBuilder.Int("axis", -1)), v]);
        var merged = graph.Node("Reshape", [
            graph.Node("Transpose", [attended], null, OnnxGraphBuilder.Ints("perm", 0, 2, 1, 3)),
            graph.Vector(0, 0, config.Hidden)]);
        x = graph.Node("Add", [x, layers.Linear(merged, block.Output, name + ".output")]);

        var up = layers.Linear(layers.LayerNorm(x, block.Norm2, name + ".norm2"), block.Up, name + ".up");
        return graph.Node("Add", [x, layers.Linear(layers.Gelu(up), block.Down, name + ".down")]);
    }
}
