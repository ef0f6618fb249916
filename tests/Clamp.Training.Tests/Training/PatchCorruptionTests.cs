using Clamp.Music.Patching;
using Clamp.Torch.Model;
using Clamp.Torch.Native;
using Clamp.Training.Tests.Support;
using Clamp.Training.Loop;

namespace Clamp.Training.Tests.Training;

public sealed class PatchCorruptionTests
{
    public PatchCorruptionTests() => LibTorchLoader.EnsureLoaded();

    [Fact]
    public void Selects_about_the_share_of_real_patches_and_never_padding()
    {
        using var batch = PatchBatch.Create(Samples.OneillsPatches(128), 128);
        var mask = batch.Mask.data<long>().ToArray();
        var selectedCount = 0;
        var realCount = 0;
        for (var seed = 0; seed < 20; seed++)
        {
            using var result = PatchCorruption.Apply(batch.Patches, batch.Mask, 0.45, new Random(seed));
            var selected = result.Selected.data<bool>().ToArray();
            Assert.All(Enumerable.Range(0, mask.Length).Where(i => mask[i] == 0), i => Assert.False(selected[i]));
            selectedCount += selected.Count(s => s);
            realCount += (int)mask.Sum();
        }

        Assert.InRange(selectedCount / (double)realCount, 0.40, 0.50);
    }

    [Fact]
    public void Masks_most_selected_patches_and_leaves_the_others_unchanged()
    {
        using var batch = PatchBatch.Create(Samples.OneillsPatches(128), 128);
        using var result = PatchCorruption.Apply(batch.Patches, batch.Mask, 0.45, new Random(5));
        var original = batch.Patches.data<long>().ToArray();
        var corrupted = result.Corrupted.data<long>().ToArray();
        var selected = result.Selected.data<bool>().ToArray();
        const int Length = PatchVocabulary.PatchLength;

        var masked = 0;
        for (var p = 0; p < selected.Length; p++)
        {
            var row = corrupted.AsSpan(p * Length, Length);
            if (!selected[p])
            {
                Assert.True(row.SequenceEqual(original.AsSpan(p * Length, Length)), $"patch {p} changed without being selected");
            }
            else if (row.IndexOfAnyExcept(PatchVocabulary.Mask) < 0)
            {
                masked++;
            }
        }

        Assert.InRange(masked / (double)selected.Count(s => s), 0.7, 0.9);
    }
}
