using Clamp.Music.Patching;
using Clamp.Torch.Model;
using Clamp.Torch.Native;
using Clamp.Torch.Onnx;
using Clamp.Training.Tests.Support;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Clamp.Torch.Tests.Onnx;

/// <summary>The hand-written ONNX graphs compute what the TorchSharp modules compute, on real scores.</summary>
public sealed class OnnxParityTests
{
    private const double Tolerance = 1e-4;

    private static readonly ModelConfig SmallConfig = new() { Hidden = 64, Heads = 4, FeedForward = 128, Layers = 2, MaxPatches = 64, EmbeddingDim = 32 };

    public OnnxParityTests() => LibTorchLoader.EnsureLoaded();

    [Fact]
    public void Music_encoder_matches_torchsharp_on_real_scores_with_padding()
    {
        var scores = Samples.OneillsPatches(SmallConfig.MaxPatches);
        Assert.True(scores.Select(s => s.Count).Distinct().Count() > 1, "the sample must have scores of different lengths");

        AssertExportMatchesTorchSharp(seed: 7, scores);
    }

    /// <summary>The patch embedding sums sparse chunks; threads must not change the sums (ScatterND with a reduction did).</summary>
    [Fact]
    public void Music_encoder_gives_the_same_bits_on_every_run_with_several_threads()
    {
        using var model = new ClampModel(SmallConfig, seed: 11);
        model.eval();
        var scores = Samples.OneillsPatches(SmallConfig.MaxPatches);
        using var batch = PatchBatch.Create([.. Enumerable.Repeat(scores, 8).SelectMany(s => s)], SmallConfig.MaxPatches);
        using var options = new SessionOptions { IntraOpNumThreads = 4 };
        using var session = new InferenceSession(MusicEncoderExporter.Export(model.Music), options);

        var first = RunMusic(session, batch);
        for (var run = 0; run < 5; run++)
        {
            Assert.Equal(first, RunMusic(session, batch));
        }
    }

    [Fact]
    public void Music_encoder_matches_torchsharp_on_patches_with_padding_inside_and_unknown_characters()
    {
        // Non-printable characters map to the pad id, so pads also occur inside a patch, and a patch may fill all 64 places.
        var patcher = BarPatcher.For(PatchScheme.Clamp1);
        var scores = new[]
        {
            patcher.Patch("L:1/8\nK:G\nG\u0007AB c\u0001de|" + new string('a', 70) + "|d2\tB2 G4|]", SmallConfig.MaxPatches),
            patcher.Patch("K:D\n|:d2 fd \u00e9Ad fd|", SmallConfig.MaxPatches),
        };
        Assert.Contains(scores[0].Ids, id => id == PatchVocabulary.Pad);

        AssertExportMatchesTorchSharp(seed: 3, scores);
    }

    /// <summary>A hostile gRPC client may send patches of nothing but padding: no chunk is gathered at all.</summary>
    [Fact]
    public void Music_encoder_matches_torchsharp_on_a_batch_with_no_character_at_all()
    {
        var onlyPadding = new PatchSequence(new byte[3 * SmallConfig.PatchLength], SmallConfig.PatchLength);

        AssertExportMatchesTorchSharp(seed: 5, [onlyPadding, onlyPadding]);
    }

    [Fact]
    public void Text_projection_matches_torchsharp()
    {
        using var model = new ClampModel(SmallConfig, seed: 7);
        using var sentences = randn(5, SmallConfig.TextBaseDim);

        using var expected = model.Text.forward(sentences);
        using var session = new InferenceSession(TextProjectionExporter.Export(model.Text, SmallConfig));
        var input = new DenseTensor<float>(sentences.data<float>().ToArray(), [5, SmallConfig.TextBaseDim]);
        using var outputs = session.Run([NamedOnnxValue.CreateFromTensor(TextProjectionExporter.InputName, input)]);

        AssertClose(expected, outputs[0].AsTensor<float>().ToArray());
    }

    /// <summary>The exported music encoder of a fresh model embeds <paramref name="scores"/> (one padded batch) as its
    /// TorchSharp module does, within <see cref="Tolerance"/>.</summary>
    private static void AssertExportMatchesTorchSharp(int seed, IReadOnlyList<PatchSequence> scores)
    {
        using var model = new ClampModel(SmallConfig, seed);
        model.eval();
        using var batch = PatchBatch.Create(scores, SmallConfig.MaxPatches);

        using var expected = model.Music.forward(batch.Patches, batch.Mask);
        using var session = new InferenceSession(MusicEncoderExporter.Export(model.Music));

        AssertClose(expected, RunMusic(session, batch));
    }

    private static float[] RunMusic(InferenceSession session, PatchBatch batch)
    {
        var patches = new DenseTensor<long>(batch.Patches.data<long>().ToArray(), batch.Patches.shape.Select(d => (int)d).ToArray());
        var mask = new DenseTensor<long>(batch.Mask.data<long>().ToArray(), batch.Mask.shape.Select(d => (int)d).ToArray());
        using var outputs = session.Run([
            NamedOnnxValue.CreateFromTensor(MusicEncoderExporter.PatchesInput, patches),
            NamedOnnxValue.CreateFromTensor(MusicEncoderExporter.MaskInput, mask),
        ]);
        return outputs[0].AsTensor<float>().ToArray();
    }

    private static void AssertClose(torch.Tensor expected, float[] actual)
    {
        var reference = expected.data<float>().ToArray();
        Assert.Equal(reference.Length, actual.Length);
        var maxDifference = reference.Zip(actual).Max(p => Math.Abs(p.First - p.Second));
        Assert.True(maxDifference <= Tolerance, $"max |onnx - torch| = {maxDifference}");
    }
}
