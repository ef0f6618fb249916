using Clamp.Music.Patching;

namespace Clamp.ZeroShot;

/// <summary>
/// Checks classification labels and fills the prompt template ("This is a {label}.") with each; a bad label list or
/// template is an <see cref="ArgumentException"/> whose message is meant for the user.
/// </summary>
public static class LabelPromptBuilder
{
    public static IReadOnlyList<string> Build(IReadOnlyList<string> labels, string template, int maxLabels)
    {
        if (labels.Count == 0)
            throw new ArgumentException("Give at least one candidate label.");
        if (labels.Count > maxLabels)
            throw new ArgumentException($"At most {maxLabels} labels may be given; there are {labels.Count}.");
        if (labels.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("A label is empty.");
        if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Count)
            throw new ArgumentException("The labels must be distinct.");
        if (!template.Contains(ModelInput.LabelPlaceholder, StringComparison.Ordinal))
            throw new ArgumentException($"The template \"{template}\" has no {ModelInput.LabelPlaceholder} placeholder.");
        return labels.Select(label => ModelInput.Fill(template, label.Trim())).ToList();
    }
}
