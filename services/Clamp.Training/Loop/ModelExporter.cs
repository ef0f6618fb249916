using System.Text.Json;
using System.Text.Json.Nodes;
using Clamp.Inference.Manifest;
using Clamp.Music.Patching;
using Clamp.Torch.Onnx;
using ClampModel = Clamp.Torch.Model.ClampModel;

namespace Clamp.Training.Loop;

/// <summary>Writes the model directory of docs/model-format.md: the two ONNX graphs and manifest.json.</summary>
public static class ModelExporter
{
    public const string Licence =
        "Model weights: trained by this project. Training data: Nottingham Music Database (GPL-3.0); O'Neill's 1850, Aird's Airs, " +
        "miscFolk and the music21 corpus, MusicXML and kern (music21 corpus licence, some parts non-commercial); Essen folk song " +
        "collection (non-commercial distribution only); OpenEWLD (see its LICENSE); OpenScore Lieder and string quartets (CC0); " +
        "Humdrum kern scores (research use, some CC BY-NC-SA 4.0); POP909 (MIT). Ceol Rince na hÉireann (CC BY 4.0) is held out " +
        "for evaluation, not trained on. Because of the Essen, music21 and kern terms the weights should be treated as for " +
        "non-commercial research use. The text base model all-MiniLM-L6-v2 is Apache-2.0.";

    public static void Export(ClampModel model, TrainingOptions options, IReadOnlyList<EpochRecord> history, DevReport dev)
    {
        Directory.CreateDirectory(options.ModelDirectory);
        model.eval();
        var manifest = Manifest(options, history, dev);
        File.WriteAllBytes(Path.Combine(options.ModelDirectory, manifest.Music.File), MusicEncoderExporter.Export(model.Music));
        File.WriteAllBytes(Path.Combine(options.ModelDirectory, manifest.Text.File), TextProjectionExporter.Export(model.Text, model.Config));
        ModelManifestFile.Write(manifest, options.ModelDirectory);
    }

    public static ModelManifest Manifest(TrainingOptions options, IReadOnlyList<EpochRecord> history, DevReport dev)
    {
        var config = options.Model;
        return new ModelManifest
        {
            ModelId = options.ModelId,
            Version = options.ModelVersion,
            EmbeddingDim = config.EmbeddingDim,
            PatchScheme = options.Input.SchemeName,
            PromptTemplate = options.Input.PromptTemplate,
            PatchLength = config.PatchLength,
            MaxPatches = config.MaxPatches,
            VocabSize = config.VocabularySize,
            Music = new MusicTowerManifest
            {
                PatchesInput = MusicEncoderExporter.PatchesInput,
                MaskInput = MusicEncoderExporter.MaskInput,
                Output = MusicEncoderExporter.OutputName,
            },
            Text = new TextTowerManifest { Input = TextProjectionExporter.InputName, Output = TextProjectionExporter.OutputName },
            Training = new TrainingManifest
            {
                Data = new JsonArray(Sources(options.DatasetPath).Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
                Seed = options.Seed,
                Epochs = history.Count,
                Config = JsonSerializer.SerializeToNode(new
                {
                    model = config,
                    options.MaskedEpochs,
                    options.ContrastiveEpochs,
                    options.MaskedBatchSize,
                    options.ContrastiveBatchSize,
                    options.MaskedLearningRate,
                    options.ContrastiveLearningRate,
                    options.MaskShare,
                    options.TextVariants,
                    options.MaxTrainItems,
                    history = history,
                }, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.AsObject(),
            },
            Metrics = JsonSerializer.SerializeToNode(new
            {
                split = "dev: 10% of each source by a hash of the score id, and all of the held-out collections (Ceol Rince na hÉireann)",
                search = dev.Search,
                zeroShot = dev.Tasks.Select(t => new { t.Task, t.Labels, model = t.Model, majority = t.Majority, chance = t.Chance }),
            }, new JsonSerializerOptions(JsonSerializerDefaults.Web))!.AsObject(),
            Licence = Licence,
        };
    }

    private static IEnumerable<string> Sources(string datasetPath) =>
        Data.DatasetFile.Read(datasetPath).Select(i => i.Collection).Distinct().Order(StringComparer.Ordinal);
}
