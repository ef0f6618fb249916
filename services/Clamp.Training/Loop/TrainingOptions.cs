using Clamp.Music.Patching;
using Clamp.Torch.Model;

namespace Clamp.Training.Loop;

/// <summary>Everything one training run needs; written into the manifest so a run can be repeated.</summary>
public sealed record TrainingOptions
{
    /// <summary>The dataset built by <c>build-data</c> (JSON lines of score items).</summary>
    public required string DatasetPath { get; init; }

    /// <summary>Where checkpoints, caches, plots and logs go.</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>Where the model directory (manifest + ONNX files) is written at the end.</summary>
    public required string ModelDirectory { get; init; }

    public string ModelId { get; init; } = "clamp-small";
    public string ModelVersion { get; init; } = "2.0.0";
    public ModelConfig Model { get; init; } = new();
    public long Seed { get; init; } = 0;

    /// <summary>CPU threads for TorchSharp (0 = its default).</summary>
    public int Threads { get; init; }

    /// <summary>The most training scores used (0 = all), taken by a seeded shuffle.</summary>
    public int MaxTrainItems { get; init; }

    /// <summary>The most dev scores evaluated per epoch (0 = all).</summary>
    public int MaxDevItems { get; init; }

    public int MaskedEpochs { get; init; } = 1;
    public int ContrastiveEpochs { get; init; } = 16;
    public int MaskedBatchSize { get; init; } = 32;
    public int ContrastiveBatchSize { get; init; } = 64;
    public double MaskedLearningRate { get; init; } = 5e-4;
    public double ContrastiveLearningRate { get; init; } = 3e-4;
    public double WeightDecay { get; init; } = 0.01;

    /// <summary>The share of patches selected for the masked-music-model objective.</summary>
    public double MaskShare { get; init; } = 0.45;

    /// <summary>Text-dropout variants embedded ahead of time per training score (the text tower is frozen).</summary>
    public int TextVariants { get; init; } = 3;

    public string Template { get; init; } = ModelInput.DefaultPromptTemplate;

    /// <summary>How scores are cut into patches; written into the manifest.</summary>
    public PatchScheme PatchScheme { get; init; } = PatchScheme.Clamp1;

    /// <summary>The model's input as its manifest will say (<see cref="ModelInput"/>): training patches scores the same way.</summary>
    public ModelInput Input => new(PatchScheme, Model.MaxPatches, Template);
}
