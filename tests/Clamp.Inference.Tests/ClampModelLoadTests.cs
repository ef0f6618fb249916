using Clamp.Inference.Manifest;
using Clamp.Inference.Onnx;
using Clamp.Inference.Tests.Fixtures;

namespace Clamp.Inference.Tests;

public sealed class ClampModelLoadTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly OnnxSessionFactory _sessions = new(new InferenceOptions { Provider = ExecutionProviderPreference.Cpu, IntraOpThreads = 1 });

    [Fact]
    public void An_onnx_output_wider_than_the_manifest_says_is_refused()
    {
        TinyClampModel.Write(_temp.Path, new TinyClampModel.Shape { EmbeddingDim = 16, OnnxEmbeddingDim = 24 });

        var error = Assert.Throws<ModelFormatException>(() => ClampModel.Load(_temp.Path, _sessions));

        Assert.Contains("music_encoder.onnx output 'embedding' dimension 1 is 24, expected 16", error.Problems);
    }

    [Fact]
    public void A_music_encoder_without_the_manifest_input_is_refused()
    {
        TinyClampModel.Write(_temp.Path, new TinyClampModel.Shape { OnnxPatchesInput = "input_ids" });

        var error = Assert.Throws<ModelFormatException>(() => ClampModel.Load(_temp.Path, _sessions));

        Assert.Contains(error.Problems, p => p.StartsWith("music_encoder.onnx has no input 'patches'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_corrupt_onnx_file_is_refused_with_its_name()
    {
        TinyClampModel.Write(_temp.Path);
        File.WriteAllText(Path.Combine(_temp.Path, "text_projection.onnx"), "not a model");

        var error = Assert.Throws<ModelFormatException>(() => ClampModel.Load(_temp.Path, _sessions));

        Assert.StartsWith("text_projection.onnx cannot be opened by ONNX Runtime", Assert.Single(error.Problems));
    }

    [Fact]
    public void A_loaded_model_warms_up_with_unit_embeddings_on_the_chosen_provider()
    {
        TinyClampModel.Write(_temp.Path, new TinyClampModel.Shape { EmbeddingDim = 8 });

        using var model = ClampModel.Load(_temp.Path, _sessions);
        var (music, text) = model.WarmUp();

        Assert.Equal(8, music.Length);
        Assert.Equal(8, text.Length);
        Assert.Equal(1.0, Math.Sqrt(text.Sum(x => (double)x * x)), 5);
        Assert.Equal(ExecutionProviderChoice.CpuName, model.Provider.Name);
        Assert.Equal(Clamp.Music.Patching.PatchScheme.Clamp1, model.PatchScheme);
    }

    public void Dispose() => _temp.Dispose();
}
