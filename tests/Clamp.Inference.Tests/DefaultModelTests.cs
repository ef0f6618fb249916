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

    [DefaultModelTheory]
    [InlineData("jigs.abc", "A lively jig in 6/8 time: a traditional folk dance tune from England, a melody with chords, about 6 notes per bar.")]
    [InlineData("waltzes.abc", "This is a waltz. A traditional folk tune in 3/4 time with a melody and chords.")]
    public void A_prose_description_finds_the_kind_of_tune_it_describes(string file, string query)
    {
        using var model = ClampModel.Load(DefaultModel.Directory, Sessions);
        var importer = new Clamp.Music.ScoreImporter();
        var tunes = System.IO.Directory.GetFiles(DefaultModel.SamplesDirectory, "*.abc").Order(StringComparer.Ordinal)
            .SelectMany(path => importer.Import(path).Succeeded.Select(tune => (File: Path.GetFileName(path), Patches: model.Manifest.Input.Patch(tune))))
            .ToList();

        var music = model.Music.Encode(tunes.Select(t => t.Patches).ToList());
        var text = model.Text.Encode([query])[0];
        var top = tunes.Zip(music).OrderByDescending(p => p.Second.Zip(text).Sum(x => x.First * x.Second)).Take(5).Select(p => p.First.File).ToList();

        Assert.True(top.Count(f => f == file) >= 3, $"top 5 of {tunes.Count} for a prose {file} query: {string.Join(", ", top)}");
    }
}
