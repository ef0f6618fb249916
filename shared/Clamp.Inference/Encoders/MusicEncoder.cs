using System.Buffers;
using Clamp.Inference.Batching;
using Clamp.Inference.Manifest;
using Clamp.Inference.Onnx;
using Clamp.Music.Patching;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Clamp.Inference.Encoders;

/// <summary>
/// Runs <c>music_encoder.onnx</c>: a batch of patch sequences, padded to the longest one (padded rows are all 0
/// with mask 0), to one L2-normalised embedding each. Thread-safe.
/// </summary>
public sealed class MusicEncoder : IDisposable
{
    private readonly InferenceSession _session;
    private readonly ModelManifest _manifest;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly int? _fixedPatches;

    public MusicEncoder(InferenceSession session, ModelManifest manifest, string modelDirectory)
    {
        var music = manifest.Music;
        var signature = new OnnxSignature(session, music.File)
            .Input(music.PatchesInput, TensorElementType.Int64, OnnxSignature.Dynamic, null, manifest.PatchLength)
            .Input(music.MaskInput, TensorElementType.Int64, OnnxSignature.Dynamic, null)
            .Output(music.Output, TensorElementType.Float, OnnxSignature.Dynamic, manifest.EmbeddingDim);
        if (signature.Problems.Count > 0)
        {
            throw new ModelFormatException(modelDirectory, signature.Problems);
        }

        _session = session;
        _manifest = manifest;
        _inputNames = [music.PatchesInput, music.MaskInput];
        _outputNames = [music.Output];
        var patchesAxis = session.InputMetadata[music.PatchesInput].Dimensions[1];
        _fixedPatches = patchesAxis > 0 ? patchesAxis : null;
    }

    public int EmbeddingDim => _manifest.EmbeddingDim;

    /// <summary>The patches one sequence costs in a batch: its length, cut to the model's maximum.</summary>
    public int CostOf(PatchSequence sequence) => _fixedPatches ?? Math.Min(sequence.Count, _manifest.MaxPatches);

    /// <summary>One embedding per sequence, in order, computed in one run (the caller sizes the batch).</summary>
    public float[][] Encode(IReadOnlyList<PatchSequence> batch)
    {
        if (batch.Count == 0)
        {
            return [];
        }

        foreach (var sequence in batch)
        {
            PatchInput.Validate(_manifest, sequence);
        }

        var rows = batch.Count;
        var patches = _fixedPatches ?? batch.Max(CostOf);
        var length = _manifest.PatchLength;
        var idCount = rows * patches * length;
        var ids = ArrayPool<long>.Shared.Rent(idCount);
        var mask = ArrayPool<long>.Shared.Rent(rows * patches);
        try
        {
            Array.Clear(ids, 0, idCount);
            Array.Clear(mask, 0, rows * patches);
            for (var b = 0; b < rows; b++)
            {
                var source = batch[b].Ids.AsSpan(0, Math.Min(batch[b].Count, patches) * length);
                var target = ids.AsSpan(b * patches * length, source.Length);
                for (var i = 0; i < source.Length; i++)
                {
                    target[i] = source[i];
                }

                mask.AsSpan(b * patches, source.Length / length).Fill(1);
            }

            using var idsValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, ids.AsMemory(0, idCount), [rows, patches, length]);
            using var maskValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, mask.AsMemory(0, rows * patches), [rows, patches]);
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, _inputNames, [idsValue, maskValue], _outputNames);
            return EmbeddingRows.Split(outputs[0], rows, EmbeddingDim);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ids);
            ArrayPool<long>.Shared.Return(mask);
        }
    }

    /// <summary>
    /// Embeds any number of sequences: sorted by length and cut into batches of at most
    /// <paramref name="patchBudget"/> padded patches (items x longest), so that little is padded. Results in input order.
    /// </summary>
    public float[][] EncodeMany(IReadOnlyList<PatchSequence> sequences, int patchBudget) =>
        BatchPlanner.Run(sequences, CostOf, patchBudget, Encode);

    public void Dispose() => _session.Dispose();
}
