using Clamp.Music.Abc;

namespace Clamp.Music.Patching;

/// <summary>
/// How a model takes its input, as its manifest says: the patch scheme, the most patches of one score and the label
/// prompt of zero-shot classification. <see cref="Patch(AbcTune)"/> is the one way a score becomes a model's input:
/// the patching service, query uploads, <c>clamp eval</c>, <c>clamp embed</c>, training and the load test all call it.
/// </summary>
public sealed record ModelInput(PatchScheme Scheme, int MaxPatches, string PromptTemplate)
{
    /// <summary>The label placeholder of <see cref="PromptTemplate"/>.</summary>
    public const string LabelPlaceholder = "{label}";

    /// <summary>The prompt of CLaMP's zero-shot classification, used by models whose manifest names none.</summary>
    public const string DefaultPromptTemplate = "This is a {label}.";

    /// <summary>The input from a manifest's fields (scheme name as <see cref="BarPatcher.ParseScheme"/> reads it).</summary>
    public static ModelInput Of(string patchScheme, int maxPatches, string? promptTemplate) =>
        new(BarPatcher.ParseScheme(patchScheme), maxPatches > 0 ? maxPatches : IBarPatcher.DefaultMaxPatches,
            string.IsNullOrWhiteSpace(promptTemplate) ? DefaultPromptTemplate : promptTemplate);

    /// <summary>The scheme's name as manifests and messages write it.</summary>
    public string SchemeName => BarPatcher.NameOf(Scheme);

    /// <summary>A score's music text (metadata already removed by <see cref="ScoreImporter"/>) as the model's patches.</summary>
    public PatchSequence Patch(string musicText) => BarPatcher.For(Scheme).Patch(musicText, MaxPatches);

    /// <summary>A tune read by <see cref="ScoreImporter"/> as the model's patches.</summary>
    public PatchSequence Patch(AbcTune tune) => Patch(tune.MusicText);

    /// <summary>The zero-shot prompt of a label ("This is a jig.").</summary>
    public string Prompt(string label) => Fill(PromptTemplate, label);

    /// <summary>A prompt template with its <see cref="LabelPlaceholder"/> replaced by a label.</summary>
    public static string Fill(string template, string label) => template.Replace(LabelPlaceholder, label, StringComparison.Ordinal);
}
