using Clamp.Music.Patching;

namespace Clamp.Inference.Manifest;

/// <summary>The rules of docs/model-format.md that a manifest must follow before any ONNX file is opened.</summary>
public static class ModelManifestValidator
{
    private const int MaxEmbeddingDim = 65_536;
    private const int MaxMaxPatches = 65_536;
    private const int MaxTextTokens = 512;

    /// <summary>Every rule the manifest breaks (empty when it is valid). Files are checked when a directory is given.</summary>
    public static IReadOnlyList<string> Problems(ModelManifest manifest, string? modelDirectory = null)
    {
        var problems = new List<string>();
        Require(problems, !string.IsNullOrWhiteSpace(manifest.ModelId), "modelId is empty");
        Require(problems, !string.IsNullOrWhiteSpace(manifest.Version), "version is empty");
        Require(problems, manifest.EmbeddingDim is > 0 and <= MaxEmbeddingDim, $"embeddingDim {manifest.EmbeddingDim} is not in 1..{MaxEmbeddingDim}");
        Require(problems, manifest.MaxPatches is > 1 and <= MaxMaxPatches, $"maxPatches {manifest.MaxPatches} is not in 2..{MaxMaxPatches}");
        CheckPatchScheme(manifest, problems);
        CheckTextTower(manifest.Text, problems);
        CheckFile(problems, modelDirectory, "music.file", manifest.Music.File);
        CheckFile(problems, modelDirectory, "text.file", manifest.Text.File);
        foreach (var (field, name) in new[]
                 {
                     ("music.patchesInput", manifest.Music.PatchesInput), ("music.maskInput", manifest.Music.MaskInput),
                     ("music.output", manifest.Music.Output), ("text.input", manifest.Text.Input), ("text.output", manifest.Text.Output),
                 })
        {
            Require(problems, !string.IsNullOrWhiteSpace(name), $"{field} is empty");
        }

        return problems;
    }

    public static void ThrowIfInvalid(ModelManifest manifest, string modelDirectory)
    {
        var problems = Problems(manifest, modelDirectory);
        if (problems.Count > 0)
        {
            throw new ModelFormatException(modelDirectory, problems);
        }
    }

    private static void CheckPatchScheme(ModelManifest manifest, List<string> problems)
    {
        try
        {
            BarPatcher.ParseScheme(manifest.PatchScheme ?? "");
        }
        catch (ArgumentException ex)
        {
            problems.Add($"patchScheme: {ex.Message}");
            return;
        }

        Require(problems, manifest.PromptTemplate?.Contains(ModelInput.LabelPlaceholder, StringComparison.Ordinal) == true,
            $"promptTemplate '{manifest.PromptTemplate}' has no {ModelInput.LabelPlaceholder}");

        // Every known scheme uses the CLaMP-1 vocabulary and 64-id patches.
        Require(problems, manifest.PatchLength == PatchVocabulary.PatchLength,
            $"patchLength {manifest.PatchLength} does not match scheme {manifest.PatchScheme} ({PatchVocabulary.PatchLength})");
        Require(problems, manifest.VocabSize == PatchVocabulary.Size,
            $"vocabSize {manifest.VocabSize} does not match scheme {manifest.PatchScheme} ({PatchVocabulary.Size})");
    }

    private static void CheckTextTower(TextTowerManifest text, List<string> problems)
    {
        Require(problems, string.Equals(text.BaseModel, TextTowerManifest.MiniLmBaseModel, StringComparison.OrdinalIgnoreCase),
            $"text.baseModel '{text.BaseModel}' is not supported (only {TextTowerManifest.MiniLmBaseModel})");
        Require(problems, text.BaseDim == Text.MiniLmSentenceEncoder.EmbeddingDimension,
            $"text.baseDim {text.BaseDim} does not match {TextTowerManifest.MiniLmBaseModel} ({Text.MiniLmSentenceEncoder.EmbeddingDimension})");
        Require(problems, text.MaxTokens is > 2 and <= MaxTextTokens, $"text.maxTokens {text.MaxTokens} is not in 3..{MaxTextTokens}");
    }

    private static void CheckFile(List<string> problems, string? modelDirectory, string field, string? file)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            problems.Add($"{field} is empty");
            return;
        }

        if (Path.IsPathRooted(file) || file.Split('/', '\\').Contains(".."))
        {
            problems.Add($"{field} '{file}' must be a file name inside the model directory");
            return;
        }

        if (modelDirectory is not null && !File.Exists(Path.Combine(modelDirectory, file)))
        {
            problems.Add($"{field} '{file}' does not exist");
        }
    }

    private static void Require(List<string> problems, bool condition, string problem)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }
}
