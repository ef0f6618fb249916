using Clamp.Inference.Onnx;
using Clamp.Inference.Tests.Fixtures;

namespace Clamp.Inference.Tests;

/// <summary>The committed default model satisfies docs/model-format.md and batches without changing its results.</summary>
public sealed class DefaultModelTests
{
    private static readonly OnnxSessionFactory Sessions = new(new InferenceOptions { Provider = ExecutionProviderPreference.Cpu, IntraOpThreads = 1 });

    [DefaultModelFact]
    public void It_loads_with_its_manifest_and_embeds_to_unit_vectors()
    {
        using var model = ClampModel.Load(DefaultModel.Directory, Sessions);

        var music = model.Music.Encode(Patches.All());
        var text = model.Text.Encode(["A jig in D major", "A slow waltz"]);

        Assert.Equal("clamp-small", model.Manifest.ModelId);
        Assert.All(music.Concat(text), e =>
        {
            Assert.Equal(model.Manifest.EmbeddingDim, e.Length);
            Assert.Equal(1.0, Math.Sqrt(e.Sum(x => (double)x * x)), 4);
        });
    }

    [DefaultModelFact]
    public void Padding_in_a_batch_leaves_the_embeddings_of_the_transformer_unchanged()
    {
        using var model = ClampModel.Load(DefaultModel.Directory, Sessions);
        var sequences = Patches.All();

        var batched = model.Music.Encode(sequences);

        for (var i = 0; i < sequences.Length; i++)
        {
            Assert.Equal(model.Music.Encode([sequences[i]])[0], batched[i], new ToleranceComparer(1e-4f));
        }
    }
}
