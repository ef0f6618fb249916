namespace Clamp.ZeroShot;

/// <summary>
/// Zero-shot classification as in CLIP: the cosine similarity of the score and each label prompt (all vectors
/// L2-normalised, so a dot product), scaled by the logit scale, through a softmax over the labels. Shared by the
/// query service and the CLI's local mode.
/// </summary>
public static class ZeroShotClassification
{
    /// <summary>The logit scale the query service uses unless configured otherwise.</summary>
    public const double DefaultLogitScale = 100;

    /// <summary>The labels, most probable first (ties by label, ordinal).</summary>
    public static IReadOnlyList<LabelProbability> Classify(
        float[] score, IReadOnlyList<string> labels, IReadOnlyList<float[]> prompts, double logitScale)
    {
        if (labels.Count != prompts.Count)
            throw new ArgumentException($"{labels.Count} labels but {prompts.Count} prompt embeddings.", nameof(prompts));
        var similarities = prompts.Select(prompt => EmbeddingSimilarity.Cosine(score, prompt)).ToArray();
        var logits = similarities.Select(s => logitScale * s).ToArray();
        var max = logits.Max();
        var exps = logits.Select(l => Math.Exp(l - max)).ToArray();
        var sum = exps.Sum();
        return labels
            .Select((label, i) => new LabelProbability(label, exps[i] / sum, similarities[i]))
            .OrderByDescending(l => l.Probability)
            .ThenBy(l => l.Label, StringComparer.Ordinal)
            .ToList();
    }
}
