using System.CommandLine;
using Clamp.Inference.Text;
using Clamp.Torch.Model;
using Clamp.Training.Data;
using Clamp.Training.Loop;

namespace Clamp.Training.CommandLine;

/// <summary>
/// <c>train</c>: builds the dataset from the shared data folder (once, cached in the work folder, with the dev sets as
/// <c>clamp eval</c> JSONL), trains (masked music model, then contrastive), and writes the model directory.
/// </summary>
public static class TrainCommandFactory
{
    /// <summary>The options of the shipped default model (docs/training.md): a plain <c>clamp train</c> trains it.</summary>
    private static readonly TrainingOptions Defaults = new() { DatasetPath = "", WorkDirectory = "", ModelDirectory = "" };

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The shared data folder.", DefaultValueFactory = _ => "../shared/data" };
        var work = new Option<string>("--work") { Description = "Work folder: dataset, sentence cache, checkpoints (resumed), plots.", DefaultValueFactory = _ => "/tmp/clamp-training" };
        var output = new Option<string>("--out") { Description = "The model directory to write.", DefaultValueFactory = _ => "models/clamp-small" };
        var modelId = new Option<string>("--model-id") { Description = "The model's id in its manifest.", DefaultValueFactory = _ => Defaults.ModelId };
        var modelVersion = new Option<string>("--model-version") { Description = "The model's version: a model whose weights change gets a new one.", DefaultValueFactory = _ => Defaults.ModelVersion };
        var patchScheme = new Option<string>("--patch-scheme") { Description = "clamp1 or line-bars; written into the manifest.", DefaultValueFactory = _ => "clamp1" };
        var seed = new Option<long>("--seed") { DefaultValueFactory = _ => 0 };
        var threads = new Option<int>("--threads") { Description = "CPU threads for TorchSharp (0 = default).", DefaultValueFactory = _ => 0 };
        var layers = new Option<int>("--layers") { DefaultValueFactory = _ => new ModelConfig().Layers };
        var hidden = new Option<int>("--hidden") { DefaultValueFactory = _ => new ModelConfig().Hidden };
        var heads = new Option<int>("--heads") { DefaultValueFactory = _ => new ModelConfig().Heads };
        var feedForward = new Option<int>("--ffn") { DefaultValueFactory = _ => new ModelConfig().FeedForward };
        var dim = new Option<int>("--dim") { Description = "Embedding size of the shared space.", DefaultValueFactory = _ => new ModelConfig().EmbeddingDim };
        var maxPatches = new Option<int>("--max-patches") { DefaultValueFactory = _ => new ModelConfig().MaxPatches };
        var maskedEpochs = new Option<int>("--masked-epochs") { DefaultValueFactory = _ => 1 };
        var contrastiveEpochs = new Option<int>("--contrastive-epochs") { DefaultValueFactory = _ => Defaults.ContrastiveEpochs };
        var batch = new Option<int>("--batch") { Description = "Contrastive batch size.", DefaultValueFactory = _ => 64 };
        var maxTrain = new Option<int>("--max-train") { Description = "Most training scores (0 = all).", DefaultValueFactory = _ => 0 };
        var maxDev = new Option<int>("--max-dev") { Description = "Most dev scores evaluated per epoch (0 = all).", DefaultValueFactory = _ => 0 };
        var variants = new Option<int>("--text-variants") { Description = "Text-dropout variants embedded per training score.", DefaultValueFactory = _ => Defaults.TextVariants };
        var learningRate = new Option<double>("--lr") { Description = "Peak learning rate of the contrastive stage.", DefaultValueFactory = _ => 3e-4 };
        var maskedLearningRate = new Option<double>("--masked-lr") { Description = "Peak learning rate of the masked-music-model stage.", DefaultValueFactory = _ => 5e-4 };
        var datasetOnly = new Option<bool>("--dataset-only") { Description = "Build the dataset and the dev sets in the work folder, then stop." };
        var abcOnly = new Option<bool>("--abc-only") { Description = "Train on the ABC collections only (no MusicXML, kern or MIDI)." };

        var command = new Command("train", "Train a CLaMP model on the shared data and write its ONNX model directory.")
        {
            data, work, output, modelId, modelVersion, patchScheme, seed, threads, layers, hidden, heads, feedForward, dim, maxPatches, maskedEpochs, contrastiveEpochs,
            batch, maxTrain, maxDev, variants, learningRate, maskedLearningRate, abcOnly, datasetOnly,
        };
        command.SetAction(result =>
        {
            var workDirectory = result.GetValue(work)!;
            var progress = new ConsoleProgress();
            var datasetPath = EnsureDataset(result.GetValue(data)!, workDirectory, !result.GetValue(abcOnly), progress);
            if (result.GetValue(datasetOnly))
            {
                return 0;
            }

            var options = new TrainingOptions
            {
                DatasetPath = datasetPath,
                WorkDirectory = workDirectory,
                ModelDirectory = result.GetValue(output)!,
                ModelId = result.GetValue(modelId)!,
                ModelVersion = result.GetValue(modelVersion)!,
                PatchScheme = Clamp.Music.Patching.BarPatcher.ParseScheme(result.GetValue(patchScheme)!),
                Seed = result.GetValue(seed),
                Threads = result.GetValue(threads),
                Model = new ModelConfig
                {
                    Layers = result.GetValue(layers),
                    Hidden = result.GetValue(hidden),
                    Heads = result.GetValue(heads),
                    FeedForward = result.GetValue(feedForward),
                    EmbeddingDim = result.GetValue(dim),
                    MaxPatches = result.GetValue(maxPatches),
                },
                MaskedEpochs = result.GetValue(maskedEpochs),
                ContrastiveEpochs = result.GetValue(contrastiveEpochs),
                ContrastiveBatchSize = result.GetValue(batch),
                ContrastiveLearningRate = result.GetValue(learningRate),
                MaskedLearningRate = result.GetValue(maskedLearningRate),
                MaxTrainItems = result.GetValue(maxTrain),
                MaxDevItems = result.GetValue(maxDev),
                TextVariants = result.GetValue(variants),
            };
            using var sentences = MiniLmSentenceEncoder.CreateDefault();
            var trained = new Trainer(options, progress, sentences).Run();
            progress.Log($"dev: {trained.Dev.Summary()}");
            return 0;
        });
        return command;
    }

    private static string EnsureDataset(string dataRoot, string workDirectory, bool allFormats, ConsoleProgress progress)
    {
        var path = Path.Combine(workDirectory, "dataset.jsonl");
        if (File.Exists(path))
        {
            progress.Log($"using the dataset in {path}");
            return path;
        }

        var dataset = new DatasetOptions { DataRoot = dataRoot, IncludeMusicXml = allFormats, IncludeKern = allFormats, IncludeMidi = allFormats };
        var built = new DatasetBuilder(dataset).Build(progress.Log);
        DatasetFile.Write(path, built.Items);
        foreach (var file in DevSetWriter.Write(built.Items, dataset.HeldOutCollections, Path.Combine(workDirectory, "dev")))
        {
            progress.Log($"dev set {file}");
        }

        progress.Log($"dataset: {built.Items.Count} scores ({built.Items.Count(i => i.IsDev)} dev), {built.Errors.Count} unreadable");
        return path;
    }
}
