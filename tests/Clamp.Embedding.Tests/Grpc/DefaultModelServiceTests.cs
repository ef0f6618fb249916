using Clamp.Contracts.Grpc;
using Clamp.Embedding.Tests.Support;
using Clamp.Inference.Tests.Fixtures;

namespace Clamp.Embedding.Tests.Grpc;

public sealed class DefaultModelServiceTests
{
    [DefaultModelFact]
    public async Task The_repository_models_folder_is_served_as_deployed()
    {
        var modelsPath = Path.GetDirectoryName(DefaultModel.Directory)!;
        await using var host = await EmbeddingHost.StartAsync(modelsPath);

        var models = await host.Client.ListModelsAsync(new ListModelsRequest());
        var scores = await host.Client.EmbedScoresAsync(new EmbedScoresRequest { Scores = { ScoreItems.Of("jig", Patches.Tunes[0]) } });
        var texts = await host.Client.EmbedTextsAsync(new EmbedTextsRequest { Texts = { "A jig in D major" } });

        var served = Assert.Single(models.Models, m => m.ModelId == "clamp-small");
        Assert.True(served.IsDefault);
        foreach (var embedding in new[] { scores.Embeddings[0], texts.Embeddings[0] })
        {
            Assert.Equal(("", served.ModelVersion, served.EmbeddingDim), (embedding.Error, embedding.ModelVersion, embedding.Values.Count));
            Assert.Equal(1.0, Math.Sqrt(embedding.Values.Sum(x => (double)x * x)), 4);
        }
    }
}
