using Clamp.Contracts.Grpc;
using Clamp.ZeroShot;

namespace Clamp.Query.Classification;

/// <summary>Zero-shot classification (<see cref="ZeroShotClassification"/>, shared with the CLI's local mode) as gRPC label scores.</summary>
internal static class ZeroShotClassifier
{
    public static IReadOnlyList<LabelScore> Classify(
        float[] score, IReadOnlyList<string> labels, IReadOnlyList<float[]> prompts, double logitScale) =>
        ZeroShotClassification.Classify(score, labels, prompts, logitScale)
            .Select(l => new LabelScore { Label = l.Label, Similarity = (float)l.Similarity, Probability = (float)l.Probability })
            .ToList();
}
