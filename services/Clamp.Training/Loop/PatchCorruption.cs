using Clamp.Music.Patching;
using static TorchSharp.torch;

namespace Clamp.Training.Loop;

/// <summary>
/// The masked-music-model input: about <c>share</c> of the real patches are selected; of those 80% become the mask
/// patch (all MASK ids), 10% are replaced by another real patch of the batch, 10% are left unchanged.
/// </summary>
public static class PatchCorruption
{
    public sealed record Result(Tensor Corrupted, Tensor Selected) : IDisposable
    {
        public void Dispose()
        {
            Corrupted.Dispose();
            Selected.Dispose();
        }
    }

    /// <param name="patches">int64 [batch, patches, length]</param>
    /// <param name="mask">int64 [batch, patches]</param>
    /// <returns>the corrupted patches and a bool [batch, patches] of the selected ones (at least one).</returns>
    public static Result Apply(Tensor patches, Tensor mask, double share, Random random)
    {
        var batch = (int)patches.shape[0];
        var count = (int)patches.shape[1];
        var length = (int)patches.shape[2];
        var ids = patches.data<long>().ToArray();
        var real = mask.data<long>().ToArray();
        var realIndices = Enumerable.Range(0, batch * count).Where(i => real[i] == 1).ToArray();
        var selected = new bool[batch * count];
        var corrupted = (long[])ids.Clone();
        foreach (var index in realIndices)
        {
            if (random.NextDouble() >= share)
            {
                continue;
            }

            selected[index] = true;
            var roll = random.NextDouble();
            if (roll < 0.8)
            {
                corrupted.AsSpan(index * length, length).Fill(PatchVocabulary.Mask);
            }
            else if (roll < 0.9)
            {
                var other = realIndices[random.Next(realIndices.Length)];
                ids.AsSpan(other * length, length).CopyTo(corrupted.AsSpan(index * length, length));
            }
        }

        if (!selected.Any(s => s) && realIndices.Length > 0)
        {
            var index = realIndices[random.Next(realIndices.Length)];
            selected[index] = true;
            corrupted.AsSpan(index * length, length).Fill(PatchVocabulary.Mask);
        }

        return new Result(tensor(corrupted, [batch, count, length]), tensor(selected, [batch, count]));
    }
}
