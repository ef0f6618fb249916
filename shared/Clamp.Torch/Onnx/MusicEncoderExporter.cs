using Clamp.Music.Patching;
using Clamp.Torch.Model;
using Onnx;
using static TorchSharp.torch;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Clamp.Torch.Onnx;

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

    /// <summary>Characters per chunk of the sparse patch embedding (the patch length is a multiple of it).</summary>
    private const int PatchChunk = 16;

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

    /// <summary>
    /// The bar-patch embedding, sum over positions p of table[p * vocabulary + id] plus the bias, computed from the
    /// chunks of 16 characters that are not all padding. A patch is mostly padding (16 of 64 characters are not, on
    /// average), and a dense gather of every position builds a [batch, patches, 64, hidden] block that dominated
    /// batched runs. Since table[p, id] = (table[p, id] - table[p, pad]) + table[p, pad], the initializers hold a folded
    /// form that defines the same function (docs/model-format.md): <c>patch_table</c> with pad rows 0 and
    /// <c>patch_bias</c> with the pad row of every position added, so an all-pad chunk adds nothing. The graph finds
    /// the chunks that are not all padding (NonZero), gathers and sums their rows, writes each chunk sum to its own
    /// slot (ScatterND with unique indices: no reduction, no race between threads, the same sums in the same order
    /// every run) and adds the slots of a patch.
    /// </summary>
    private static string PatchEmbedding(OnnxLayers layers, MusicEncoder encoder, string patches)
    {
        var graph = layers.Graph;
        var config = encoder.Config;
        var chunksPerPatch = config.PatchLength / PatchChunk;
        var (table, bias) = FoldPadRows(OnnxLayers.Values(encoder.PatchEmbedding.Table), OnnxLayers.Values(encoder.PatchEmbedding.Bias), config);
        var tableName = graph.Floats("patch_table", table, config.PatchLength * config.VocabularySize, config.Hidden);
        var biasName = graph.Floats("patch_bias", bias, config.Hidden);

        // [batch * patches * chunksPerPatch, PatchChunk]; ids are >= 0, so a chunk is all padding exactly when its sum is 0.
        var chunks = graph.Node("Reshape", [patches, graph.Vector(-1, PatchChunk)]);
        var chunkSums = graph.Node("ReduceSum", [chunks, graph.Vector(1)], null, OnnxGraphBuilder.Int("keepdims", 0));
        var used = graph.Node("Reshape", [graph.Node("NonZero", [graph.Node("Greater", [chunkSums, graph.Longs(graph.Name("zero"), [0])])]), graph.Vector(-1)]);

        // Row of character j of chunk c (c = slot mod chunksPerPatch): ((c * PatchChunk) + j) * vocabulary + id.
        var firstPosition = graph.Node("Mul", [graph.Node("Mod", [used, graph.Longs(graph.Name("chunks"), [chunksPerPatch])]), graph.Longs(graph.Name("chunk"), [PatchChunk])]);
        var positions = graph.Node("Add", [graph.Node("Unsqueeze", [firstPosition, graph.Vector(1)]), graph.Vector(Enumerable.Range(0, PatchChunk).Select(j => (long)j).ToArray())]);
        var rows = graph.Node("Add", [graph.Node("Mul", [positions, graph.Longs(graph.Name("vocabulary"), [config.VocabularySize])]), graph.Node("Gather", [chunks, used], null, OnnxGraphBuilder.Int("axis", 0))]);
        var sums = graph.Node("ReduceSum", [graph.Node("Gather", [tableName, rows], null, OnnxGraphBuilder.Int("axis", 0)), graph.Vector(1)], null, OnnxGraphBuilder.Int("keepdims", 0));

        var slotShape = graph.Node("Concat", [graph.Node("Shape", [chunks], null, OnnxGraphBuilder.Int("start", 0), OnnxGraphBuilder.Int("end", 1)), graph.Vector(config.Hidden)], null, OnnxGraphBuilder.Int("axis", 0));
        var slots = graph.Node("ScatterND", [
            graph.Node("ConstantOfShape", [slotShape], null, OnnxGraphBuilder.FloatTensor("value", 0f)),
            graph.Node("Unsqueeze", [used, graph.Vector(1)]),
            sums]);
        var batchAndPatches = graph.Node("Shape", [patches], null, OnnxGraphBuilder.Int("start", 0), OnnxGraphBuilder.Int("end", 2));
        var perPatch = graph.Node("Reshape", [slots, graph.Node("Concat", [batchAndPatches, graph.Vector(chunksPerPatch, config.Hidden)], null, OnnxGraphBuilder.Int("axis", 0))]);
        return graph.Node("Add", [graph.Node("ReduceSum", [perPatch, graph.Vector(2)], null, OnnxGraphBuilder.Int("keepdims", 0)), biasName]);
    }

    /// <summary>table[p, id] - table[p, pad] for every row, and bias + the sum over p of table[p, pad].</summary>
    internal static (float[] Table, float[] Bias) FoldPadRows(float[] table, float[] bias, ModelConfig config)
    {
        var hidden = config.Hidden;
        var folded = new float[table.Length];
        var foldedBias = (float[])bias.Clone();
        for (var p = 0; p < config.PatchLength; p++)
        {
            var pad = table.AsSpan((p * config.VocabularySize + PatchVocabulary.Pad) * hidden, hidden);
            for (var h = 0; h < hidden; h++)
            {
                foldedBias[h] += pad[h];
            }

            for (var id = 0; id < config.VocabularySize; id++)
            {
                var row = (p * config.VocabularySize + id) * hidden;
                for (var h = 0; h < hidden; h++)
                {
                    folded[row + h] = table[row + h] - pad[h];
                }
            }
        }

        return (folded, foldedBias);
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
