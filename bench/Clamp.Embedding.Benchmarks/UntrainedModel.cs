using Clamp.Inference.Manifest;
using Clamp.Torch.Model;
using Clamp.Torch.Native;
using Clamp.Torch.Onnx;

namespace Clamp.Embedding.Benchmarks;

/// <summary>
/// A model directory with the default architecture of the training job and random weights, exported by the training
/// job's ONNX exporters: used when the default model has not been trained yet (speed does not depend on the weights).
/// </summary>
public static class UntrainedModel
{
    public static string Write(string directory, int threads)
    {
        LibTorchLoader.EnsureLoaded(threads);
        var config = new ModelConfig();
        using var model = new ClampModel(config, seed: 1);
        model.eval();
        Directory.CreateDirectory(directory);
        var manifest = new ModelManifest
        {
            ModelId = "clamp-untrained",
            Version = "0.0.0",
            EmbeddingDim = config.EmbeddingDim,
            PatchScheme = "clamp1",
            PatchLength = config.PatchLength,
            MaxPatches = config.MaxPatches,
            VocabSize = config.VocabularySize,
            Music = new MusicTowerManifest(),
            Text = new TextTowerManifest(),
            Licence = "random weights (benchmark only)",
        };
        File.WriteAllBytes(Path.Combine(directory, manifest.Music.File), MusicEncoderExporter.Export(model.Music));
        File.WriteAllBytes(Path.Combine(directory, manifest.Text.File), TextProjectionExporter.Export(model.Text, config));
        ModelManifestFile.Write(manifest, directory);
        return directory;
    }
}
