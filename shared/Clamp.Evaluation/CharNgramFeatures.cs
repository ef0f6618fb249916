using System.Runtime.InteropServices;
using Clamp.Music.Patching;

namespace Clamp.Evaluation;

/// <summary>
/// The probe baseline's features: a bag of character unigrams and bigrams of the patches the model would see
/// (<see cref="PatchSequence.RowText"/>: each patch's characters up to its end-of-patch id, pads and other special ids
/// excluded; bigrams never cross a patch boundary), as L2-normalised counts over the n-grams seen in the data set.
/// </summary>
public static class CharNgramFeatures
{
    /// <summary>Each unigram and within-patch bigram of the score and how often it occurs.</summary>
    public static Dictionary<string, int> Count(PatchSequence patches)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var p = 0; p < patches.Count; p++)
        {
            var text = patches.RowText(p).AsSpan();
            for (var i = 0; i < text.Length; i++)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(lookup, text.Slice(i, 1), out _)++;
                if (i > 0)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(lookup, text.Slice(i - 1, 2), out _)++;
                }
            }
        }

        return counts;
    }

    /// <summary>
    /// One L2-normalised count vector per score (null for a null score), over the n-grams that occur in any of the
    /// scores, in ordinal order. Unsupervised: no label is looked at.
    /// </summary>
    public static float[]?[] Vectorise(IReadOnlyList<PatchSequence?> scores)
    {
        var counts = scores.Select(s => s is null ? null : Count(s)).ToList();
        var columns = counts.OfType<Dictionary<string, int>>().SelectMany(c => c.Keys).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).Select((ngram, column) => (ngram, column))
            .ToDictionary(p => p.ngram, p => p.column, StringComparer.Ordinal);
        return counts.Select(c => c is null ? null : Normalised(c, columns)).ToArray();
    }

    private static float[] Normalised(Dictionary<string, int> counts, Dictionary<string, int> columns)
    {
        var vector = new float[columns.Count];
        var norm = Math.Sqrt(counts.Values.Sum(v => (double)v * v));
        foreach (var (ngram, count) in counts)
        {
            vector[columns[ngram]] = norm > 0 ? (float)(count / norm) : 0;
        }

        return vector;
    }
}
