using Clamp.Inference.Encoders;
using Clamp.Inference.Tests.Fixtures;
using Clamp.Music.Patching;

namespace Clamp.Inference.Tests.Encoders;

[Collection(TinyModelCollection.Name)]
public sealed class MusicEncoderTests(TinyModelFixture fixture)
{
    private readonly MusicEncoder _encoder = fixture.Model.Music;

    [Fact]
    public void Embeddings_have_the_manifest_dimension_and_unit_length()
    {
        var embeddings = _encoder.Encode(Patches.All());

        Assert.All(embeddings, e =>
        {
            Assert.Equal(16, e.Length);
            Assert.Equal(1.0, Norm(e), 5);
        });
    }

    [Fact]
    public void Padding_a_short_sequence_in_a_batch_leaves_its_embedding_unchanged()
    {
        var sequences = Patches.All();
        Assert.NotEqual(sequences[0].Count, sequences[3].Count);

        var batched = _encoder.Encode(sequences);

        for (var i = 0; i < sequences.Length; i++)
        {
            var alone = _encoder.Encode([sequences[i]])[0];
            Assert.Equal(alone, batched[i], new ToleranceComparer(1e-5f));
        }
    }

    [Fact]
    public void Different_tunes_get_different_embeddings()
    {
        var e = _encoder.Encode(Patches.All());

        Assert.True(Dot(e[0], e[1]) < 0.9999, "two different tunes embed identically");
    }

    [Fact]
    public void Encode_many_returns_results_in_input_order_whatever_the_batches()
    {
        var sequences = Patches.All().Concat(Patches.All().Reverse()).ToArray();

        var many = _encoder.EncodeMany(sequences, patchBudget: 20);

        for (var i = 0; i < sequences.Length; i++)
        {
            Assert.Equal(_encoder.Encode([sequences[i]])[0], many[i], new ToleranceComparer(1e-5f));
        }
    }

    [Fact]
    public void A_sequence_longer_than_the_model_maximum_is_cut_to_its_first_patches()
    {
        var manifest = fixture.Model.Manifest;
        var longTune = "K:D\n" + string.Concat(Enumerable.Repeat("abc|def|", manifest.MaxPatches));
        var patches = Patches.Of(longTune);
        Assert.True(patches.Count > manifest.MaxPatches);
        var cut = new PatchSequence(patches.Ids[..(manifest.MaxPatches * manifest.PatchLength)]);

        Assert.Equal(manifest.MaxPatches, _encoder.CostOf(patches));
        Assert.Equal(_encoder.Encode([cut])[0], _encoder.Encode([patches])[0], new ToleranceComparer(1e-6f));
    }

    [Fact]
    public void Ids_outside_the_vocabulary_are_refused_before_running()
    {
        var ids = new byte[64];
        ids[5] = 120;

        var error = Assert.Throws<InvalidPatchesException>(() => _encoder.Encode([new PatchSequence(ids)]));

        Assert.Equal(InvalidPatchesException.IdCode, error.Code);
    }

    [Fact]
    public void An_empty_batch_gives_no_embeddings() => Assert.Empty(_encoder.Encode([]));

    internal static double Norm(float[] v) => Math.Sqrt(Dot(v, v));

    internal static double Dot(float[] a, float[] b) => a.Zip(b).Sum(p => (double)p.First * p.Second);
}
