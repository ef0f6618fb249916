using Clamp.Music.Patching;
using Grpc.Core;

namespace Clamp.Query.Classification;

/// <summary>Checks classification labels and fills the prompt template ("This is a {label}.") with each.</summary>
internal static class LabelPrompts
{
    public const string Placeholder = ModelInput.LabelPlaceholder;

    public static IReadOnlyList<string> Build(IReadOnlyList<string> labels, string template, int maxLabels)
    {
        if (labels.Count == 0)
            throw Invalid("Give at least one candidate label.");
        if (labels.Count > maxLabels)
            throw Invalid($"At most {maxLabels} labels may be given; there are {labels.Count}.");
        if (labels.Any(string.IsNullOrWhiteSpace))
            throw Invalid("A label is empty.");
        if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Count)
            throw Invalid("The labels must be distinct.");
        if (!template.Contains(Placeholder, StringComparison.Ordinal))
            throw Invalid($"The template \"{template}\" has no {Placeholder} placeholder.");
        return labels.Select(label => ModelInput.Fill(template, label.Trim())).ToList();
    }

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));
}
