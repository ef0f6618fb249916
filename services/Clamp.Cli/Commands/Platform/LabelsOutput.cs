using Clamp.ZeroShot;

namespace Clamp.Cli.Commands.Platform;

/// <summary>
/// Classification results on stdout, from a server or local mode alike: a heading and one line per label, most
/// probable first, or with <c>--json</c> <c>{"labels":[{"label","probability","similarity"}]}</c>.
/// </summary>
public static class LabelsOutput
{
    public static void Write(TextWriter output, bool json, string heading, IReadOnlyList<LabelProbability> labels)
    {
        if (json)
        {
            JsonOutput.Write(output, new { labels = labels.Select(l => new { label = l.Label, probability = l.Probability, similarity = l.Similarity }).ToList() });
            return;
        }

        output.WriteLine(heading);
        foreach (var label in labels)
            output.WriteLine($"  {label.Label,-20} {label.Probability,6:P1}  (cosine {label.Similarity:0.000})");
    }
}
