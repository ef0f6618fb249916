using Clamp.Inference.Encoders;
using Clamp.Inference.Tests.Fixtures;

namespace Clamp.Inference.Tests.Encoders;

[Collection(TinyModelCollection.Name)]
public sealed class PatchInputTests(TinyModelFixture fixture)
{
    [Fact]
    public void Real_patches_in_the_model_scheme_are_accepted_unchanged()
    {
        var patches = Patches.Of(Patches.Tunes[0]);

        var input = PatchInput.Create(fixture.Model.Manifest, "clamp1", 64, patches.Count, patches.Ids);

        Assert.Equal(patches.Ids, input.Ids);
    }

    [Fact]
    public void Patches_of_another_scheme_are_a_model_mismatch()
    {
        var patches = Patches.Of(Patches.Tunes[0]);

        var error = Assert.Throws<InvalidPatchesException>(() =>
            PatchInput.Create(fixture.Model.Manifest, "line-bars", 64, patches.Count, patches.Ids));

        Assert.Equal(InvalidPatchesException.ModelMismatchCode, error.Code);
        Assert.Contains("clamp-tiny@0.0.1 was trained on 'clamp1'", error.Message);
    }

    [Fact]
    public void Patches_of_another_scheme_that_carry_their_music_text_are_cut_again_for_the_model()
    {
        // Text after the last bar line: line-bars keeps it as a patch, CLaMP-1 drops it, so the two schemes differ.
        const string tune = "L:1/8\nK:G\nGABc dedB|dedB dedB|c2ec B2dB\n";
        var lineBars = Clamp.Music.Patching.BarPatcher.For(Clamp.Music.Patching.PatchScheme.LineBars).Patch(tune);

        var input = PatchInput.Create(fixture.Model.Manifest, "line-bars", 64, lineBars.Count, lineBars.Ids, tune);

        Assert.NotEqual(lineBars.Ids, input.Ids);
        Assert.Equal(fixture.Model.Manifest.Input.Patch(tune).Ids, input.Ids);
        Assert.Equal(Patches.Of(tune).Ids.Take(input.Ids.Length), input.Ids);
    }

    [Fact]
    public void Patches_in_the_model_scheme_are_used_as_they_are_even_with_their_music_text()
    {
        var patches = Patches.Of(Patches.Tunes[1]);

        var input = PatchInput.Create(fixture.Model.Manifest, "clamp1", 64, patches.Count, patches.Ids, "K:C\nCDEF|");

        Assert.Equal(patches.Ids.Take(input.Ids.Length), input.Ids);
    }

    [Fact]
    public void Another_patch_length_is_a_model_mismatch()
    {
        var error = Assert.Throws<InvalidPatchesException>(() =>
            PatchInput.Create(fixture.Model.Manifest, "clamp1", 32, 2, new byte[64]));

        Assert.Equal(InvalidPatchesException.ModelMismatchCode, error.Code);
    }

    [Theory]
    [InlineData(2, 64)]
    [InlineData(0, 0)]
    [InlineData(1, 65)]
    public void A_count_that_does_not_match_the_bytes_is_a_shape_error(int count, int bytes)
    {
        var error = Assert.Throws<InvalidPatchesException>(() =>
            PatchInput.Create(fixture.Model.Manifest, "clamp1", 64, count, new byte[bytes]));

        Assert.Equal(InvalidPatchesException.ShapeCode, error.Code);
    }

    [Fact]
    public void Ids_outside_the_vocabulary_are_named_with_their_patch()
    {
        var ids = new byte[128];
        ids[64 + 3] = 200;

        var error = Assert.Throws<InvalidPatchesException>(() => PatchInput.Create(fixture.Model.Manifest, null, 64, 2, ids));

        Assert.Equal("Patch 1 holds id 200, outside the vocabulary of 98 ids.", error.Message);
    }

    [Fact]
    public void A_long_sequence_is_cut_to_the_model_maximum()
    {
        var max = fixture.Model.Manifest.MaxPatches;

        var input = PatchInput.Create(fixture.Model.Manifest, "clamp1", 64, max + 5, new byte[(max + 5) * 64]);

        Assert.Equal(max, input.Count);
    }
}
