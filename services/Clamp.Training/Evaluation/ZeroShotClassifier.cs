using Clamp.ZeroShot;

namespace Clamp.Training.Evaluation;

/// <summary>Zero-shot classification: each score gets the label whose prompt embedding is the most similar.</summary>
public static class ZeroShotClassifier
{
    public static string? Predict(float[]? music, IReadOnlyList<string> labels, IReadOnlyList<float[]> labelEmbeddings)
    {
        if (music is null)
        {
            return null;
        }

        var best = 0;
        var bestScore = double.NegativeInfinity;
        for (var l = 0; l < labels.Count; l++)
        {
            var score = EmbeddingSimilarity.Cosine(music, labelEmbeddings[l]);
            if (score > bestScore)
            {
                (best, bestScore) = (l, score);
            }
        }

        return labels[best];
    }

    /// <summary>The prompt of a label: <paramref name="template"/> with {label} replaced.</summary>
    public static string Prompt(string template, string label) => Clamp.Music.Patching.ModelInput.Fill(template, label);

    public const string DefaultTemplate = Clamp.Music.Patching.ModelInput.DefaultPromptTemplate;
}
