using Clamp.Contracts.Grpc;

namespace Clamp.Query.Classification;

/// <summary>
/// Zero-shot classification as in CLIP: the cosine similarity of the score and each label prompt (all vectors
/// L2-normalised, so a dot product), scaled by the logit scale, through a softmax over the labels.
/// </summary>
internal static class ZeroShotClassifier
{
    public static IReadOnlyList<LabelScore> Classify(
        float[] score, IReadOnlyList<string> labels, IReadOnlyList<float[]> prompts, double logitScale)
    {
        if (labels.Count != prompts.Count)
            throw new ArgumentException($"{labels.Count} labels but {prompts.Count} prompt embeddings.", nameof(prompts));
        var similarities = prompts.Select(prompt => Dot(score, prompt)).ToArray();
        var logits = similarities.Select(s => logitScale * s).ToArray();
        var max = logits.Max();
        var exps = logits.Select(l => Math.Exp(l - max)).ToArray();
        var sum = exps.Sum();
        return labels
            .Select((label, i) => new LabelScore { Label = label, Similarity = (float)similarities[i], Probability = (float)(exps[i] / sum) })
            .OrderByDescending(l => l.Probability)
            .ThenBy(l => l.Label, StringComparer.Ordinal)
            .ToList();
    }

    private static double Dot(float[] a, float[] b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException($"Vectors of {a.Length} and {b.Length} dimensions cannot be compared.");
        double sum = 0;
        for (var i = 0; i < a.Length; i++) sum += (double)a[i] * b[i];
        return sum;
    }
}
