using Clamp.Inference.Manifest;
using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Clamp.Inference.Tests.Fixtures;

/// <summary>
/// Writes a small but real model directory (manifest.json + both ONNX files) that follows docs/model-format.md:
/// the music encoder embeds each patch id, sums a patch, averages the real patches (mask), projects and
/// L2-normalises; the text projection is a matrix and an L2 normalisation. Random weights from a seed.
/// </summary>
public static class TinyClampModel
{
    public const int Vocab = 98;
    public const int PatchLength = 64;
    public const int BaseDim = 384;

    public sealed record Shape
    {
        public string ModelId { get; init; } = "clamp-tiny";
        public string Version { get; init; } = "0.0.1";
        public int EmbeddingDim { get; init; } = 16;
        public int HiddenDim { get; init; } = 8;
        public int MaxPatches { get; init; } = 32;
        /// <summary>The patch scheme the manifest names ("clamp1", "line-bars").</summary>
        public string PatchScheme { get; init; } = "clamp1";
        public int Seed { get; init; } = 7;
        /// <summary>The embedding size the ONNX files really produce (to write a model that contradicts its manifest).</summary>
        public int? OnnxEmbeddingDim { get; init; }
        /// <summary>Names the music encoder's patches input differently from the manifest.</summary>
        public string OnnxPatchesInput { get; init; } = "patches";
    }

    /// <summary>Writes a model directory and returns its manifest.</summary>
    public static ModelManifest Write(string directory, Shape? shape = null)
    {
        shape ??= new Shape();
        Directory.CreateDirectory(directory);
        var random = new Random(shape.Seed);
        var dim = shape.OnnxEmbeddingDim ?? shape.EmbeddingDim;
        WriteMusicEncoder(Path.Combine(directory, "music_encoder.onnx"), shape, dim, random);
        WriteTextProjection(Path.Combine(directory, "text_projection.onnx"), dim, random);
        var manifest = new ModelManifest
        {
            ModelId = shape.ModelId,
            Version = shape.Version,
            EmbeddingDim = shape.EmbeddingDim,
            PatchScheme = shape.PatchScheme,
            PatchLength = PatchLength,
            MaxPatches = shape.MaxPatches,
            VocabSize = Vocab,
            Music = new MusicTowerManifest(),
            Text = new TextTowerManifest(),
            Training = new TrainingManifest { Seed = shape.Seed },
            Licence = "test fixture",
        };
        ModelManifestFile.Write(manifest, directory);
        return manifest;
    }

    private static void WriteMusicEncoder(string path, Shape shape, int dim, Random random)
    {
        var g = new TinyOnnxGraph("tiny_music_encoder")
            .Input(shape.OnnxPatchesInput, DataType.Int64, "batch", "patches", PatchLength)
            .Input("patch_mask", DataType.Int64, "batch", "patches")
            .Output("embedding", DataType.Float, "batch", dim);
        var table = g.FloatTensor(Weights(random, Vocab * shape.HiddenDim), Vocab, shape.HiddenDim);
        var ids = g.Node("Gather", [table, shape.OnnxPatchesInput]);                          // [B, P, 64, H]
        var patchVectors = g.Node("Tanh", [g.Node("ReduceSum", [ids, g.LongTensor(2)], null, TinyOnnxGraph.Int("keepdims", 0))]);
        var mask = g.Node("Cast", ["patch_mask"], null, TinyOnnxGraph.Int("to", (long)DataType.Float));
        var maskColumn = g.Node("Unsqueeze", [mask, g.LongTensor(2)]);                        // [B, P, 1]
        var summed = g.Node("ReduceSum", [g.Node("Mul", [patchVectors, maskColumn]), g.LongTensor(1)], null, TinyOnnxGraph.Int("keepdims", 0));
        var counts = g.Node("ReduceSum", [maskColumn, g.LongTensor(1)], null, TinyOnnxGraph.Int("keepdims", 0)); // [B, 1]
        var mean = g.Node("Div", [summed, g.Node("Max", [counts, g.FloatTensor([1f], 1)])]);
        var projected = g.Node("MatMul", [mean, g.FloatTensor(Weights(random, shape.HiddenDim * dim), shape.HiddenDim, dim)]);
        g.Node("LpNormalization", [projected], "embedding", TinyOnnxGraph.Int("axis", 1), TinyOnnxGraph.Int("p", 2));
        g.Save(path);
    }

    private static void WriteTextProjection(string path, int dim, Random random)
    {
        var g = new TinyOnnxGraph("tiny_text_projection")
            .Input("sentence_embedding", DataType.Float, "batch", BaseDim)
            .Output("embedding", DataType.Float, "batch", dim);
        var projected = g.Node("MatMul", ["sentence_embedding", g.FloatTensor(Weights(random, BaseDim * dim), BaseDim, dim)]);
        g.Node("LpNormalization", [projected], "embedding", TinyOnnxGraph.Int("axis", 1), TinyOnnxGraph.Int("p", 2));
        g.Save(path);
    }

    private static float[] Weights(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
}
