namespace Clamp.ZeroShot;

/// <summary>One candidate label of a zero-shot classification: its probability and the cosine similarity behind it.</summary>
public sealed record LabelProbability(string Label, double Probability, double Similarity);
