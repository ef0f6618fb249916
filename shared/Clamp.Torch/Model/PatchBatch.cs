using Clamp.Music.Patching;
using static TorchSharp.torch;

namespace Clamp.Torch.Model;

/// <summary>
/// Patch sequences padded to the longest one (cut to the model's maximum): int64 patches [batch, patches, 64]
/// and mask [batch, patches] (1 = real patch). Padding rows are all 0, as the ONNX contract says.
/// </summary>
public sealed class PatchBatch : IDisposable
{
    private PatchBatch(Tensor patches, Tensor mask, int realPatches)
    {
        Patches = patches;
        Mask = mask;
        RealPatches = realPatches;
    }

    public Tensor Patches { get; }
    public Tensor Mask { get; }

    /// <summary>The number of real (unpadded) patches in the batch, for throughput.</summary>
    public int RealPatches { get; }

    public static PatchBatch Create(IReadOnlyList<PatchSequence> sequences, int maxPatches)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sequences.Count);
        var length = sequences[0].PatchLength;
        var count = sequences.Max(s => Math.Min(s.Count, maxPatches));
        var ids = new long[sequences.Count * count * length];
        var mask = new long[sequences.Count * count];
        var real = 0;
        for (var b = 0; b < sequences.Count; b++)
        {
            var rows = Math.Min(sequences[b].Count, count);
            var source = sequences[b].Ids.AsSpan(0, rows * length);
            var offset = b * count * length;
            for (var i = 0; i < source.Length; i++)
            {
                ids[offset + i] = source[i];
            }

            mask.AsSpan(b * count, rows).Fill(1);
            real += rows;
        }

        return new PatchBatch(
            tensor(ids, [sequences.Count, count, length]),
            tensor(mask, [sequences.Count, count]),
            real);
    }

    public void Dispose()
    {
        Patches.Dispose();
        Mask.Dispose();
    }
}
