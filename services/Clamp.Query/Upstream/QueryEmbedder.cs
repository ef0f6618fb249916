using System.Collections.Concurrent;
using Clamp.Contracts.Grpc;
using Clamp.Music.Patching;
using Grpc.Core;

namespace Clamp.Query.Upstream;

/// <summary>
/// Embeds query texts, label prompts and uploaded scores through the embedding service; texts it has embedded before
/// come from the <see cref="TextEmbeddingCache"/>.
/// </summary>
internal sealed class QueryEmbedder(Embedder.EmbedderClient client, TextEmbeddingCache cache)
{
    private const string Backend = "embedding service";
    private readonly ConcurrentDictionary<string, ModelInfo> models = new();

    /// <summary>One embedding per text, in order; the returned arrays may be shared and must not be modified.</summary>
    public async Task<IReadOnlyList<float[]>> EmbedTextsAsync(IReadOnlyList<string> texts, string modelVersion, CancellationToken cancellationToken)
    {
        var vectors = new float[texts.Count][];
        var missing = Enumerable.Range(0, texts.Count).Where(i => !cache.TryGet(modelVersion, texts[i], out vectors[i])).ToList();
        if (missing.Count == 0) return vectors;

        var request = new EmbedTextsRequest { ModelVersion = modelVersion, Texts = { missing.Select(i => texts[i]) } };
        var response = await UpstreamCall.RunAsync(Backend, async () =>
            await client.EmbedTextsAsync(request, cancellationToken: cancellationToken));
        var embedded = Vectors(response.Embeddings, missing.Count, modelVersion);
        for (var k = 0; k < missing.Count; k++)
        {
            vectors[missing[k]] = embedded[k];
            cache.Set(modelVersion, texts[missing[k]], embedded[k]);
        }

        return vectors;
    }

    public async Task<float[]> EmbedScoreAsync(PatchSequence patches, string patchScheme, string modelVersion, CancellationToken cancellationToken)
    {
        var request = new EmbedScoresRequest
        {
            ModelVersion = modelVersion,
            Scores =
            {
                new ScoreItem
                {
                    Id = "uploaded",
                    Patches = Google.Protobuf.ByteString.CopyFrom(patches.Ids),
                    PatchCount = patches.Count,
                    PatchLength = patches.PatchLength,
                    PatchScheme = patchScheme,
                    ModelVersion = modelVersion,
                },
            },
        };
        var response = await UpstreamCall.RunAsync(Backend, async () =>
            await client.EmbedScoresAsync(request, cancellationToken: cancellationToken));
        return Vectors(response.Embeddings, 1, modelVersion)[0];
    }

    /// <summary>What the embedding service says about a model version (patch scheme, most patches).</summary>
    public async Task<ModelInfo> ModelAsync(string modelVersion, CancellationToken cancellationToken)
    {
        if (models.TryGetValue(modelVersion, out var known)) return known;
        var response = await UpstreamCall.RunAsync(Backend, async () =>
            await client.ListModelsAsync(new ListModelsRequest(), cancellationToken: cancellationToken));
        foreach (var model in response.Models) models[model.ModelVersion] = model;
        return models.TryGetValue(modelVersion, out var found)
            ? found
            : throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"The embedding service has not loaded model version '{modelVersion}'."));
    }

    private static IReadOnlyList<float[]> Vectors(IReadOnlyList<Embedding> embeddings, int expected, string modelVersion)
    {
        if (embeddings.Count != expected)
            throw new RpcException(new Status(StatusCode.Unavailable,
                $"The {Backend} returned {embeddings.Count} embeddings for {expected} inputs."));
        foreach (var embedding in embeddings)
        {
            if (embedding.Error.Length > 0)
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"The {Backend} could not embed an input: {embedding.Error}"));
            if (embedding.ModelVersion.Length > 0 && embedding.ModelVersion != modelVersion)
                throw new RpcException(new Status(StatusCode.FailedPrecondition,
                    $"The {Backend} embedded with model version '{embedding.ModelVersion}', not '{modelVersion}'."));
        }
        return embeddings.Select(e => e.Values.ToArray()).ToList();
    }
}
