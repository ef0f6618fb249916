using Clamp.Evaluation;
using Clamp.Music.Patching;

namespace Clamp.Evaluation.Tests;

public sealed class CharNgramFeaturesTests
{
    private const int Length = 8;

    /// <summary>Patches "aba", "b?c" (a pad inside) and the end-of-sequence patch, 8 ids each.</summary>
    private static PatchSequence Known() => new(
    [
        .. Row('a', 'b', 'a'),
        .. Row('b', null, 'c'),
        .. Enumerable.Repeat(PatchVocabulary.EndOfPatch, Length),
    ], Length);

    [Fact]
    public void Unigrams_and_within_patch_bigrams_are_counted_without_pads()
    {
        var counts = CharNgramFeatures.Count(Known());

        // "ab" only once: the "a" ending patch 1 and the "b" starting patch 2 are not a bigram; the pad in patch 2 is
        // skipped, so "bc" is a bigram.
        var expected = new Dictionary<string, int> { ["a"] = 2, ["b"] = 2, ["c"] = 1, ["ab"] = 1, ["ba"] = 1, ["bc"] = 1 };
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), counts.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Vectors_are_l2_normalised_counts_over_the_ngrams_of_the_data_set()
    {
        var other = new PatchSequence([.. Row('d'), .. Enumerable.Repeat(PatchVocabulary.EndOfPatch, Length)], Length);

        var vectors = CharNgramFeatures.Vectorise([Known(), null, other]);

        // Columns in ordinal order: a ab b ba bc c d.
        var norm = Math.Sqrt(4 + 1 + 4 + 1 + 1 + 1);
        Assert.Equal(new[] { 2 / norm, 1 / norm, 2 / norm, 1 / norm, 1 / norm, 1 / norm, 0 }.Select(v => (float)v), vectors[0]!);
        Assert.Null(vectors[1]);
        Assert.Equal([0, 0, 0, 0, 0, 0, 1f], vectors[2]!);
    }

    /// <summary>One patch: the characters (null = a pad id), the end-of-patch id, pads.</summary>
    private static byte[] Row(params char?[] characters)
    {
        var row = new byte[Length];
        for (var i = 0; i < characters.Length; i++)
        {
            row[i] = characters[i] is char c ? PatchVocabulary.IdOf(c) : PatchVocabulary.Pad;
        }

        row[characters.Length] = PatchVocabulary.EndOfPatch;
        return row;
    }
}
