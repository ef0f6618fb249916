using Clamp.Contracts.Grpc;
using Clamp.Embedding.Diagnostics;
using Clamp.Embedding.Models;
using Grpc.Core;
using Microsoft.Extensions.Options;
using GrpcEmbedding = Clamp.Contracts.Grpc.Embedding;

namespace Clamp.Embedding.Grpc;

/// <summary>
/// The embedding gRPC API: texts and patched scores, unary with many items or streamed, through the same dynamic
/// batchers as the queue. A score that does not fit its model gets an error in its own answer; the call's deadline
/// and cancellation cancel the items still waiting.
/// </summary>
public sealed class EmbedderService(ModelRegistry registry, EmbeddingMetrics metrics, IOptions<EmbeddingOptions> options) : Embedder.EmbedderBase
{
    public override async Task<EmbedTextsResponse> EmbedTexts(EmbedTextsRequest request, ServerCallContext context)
    {
        var model = Resolve(request.ModelVersion);
        var embeddings = await Task.WhenAll(request.Texts.Select((text, i) => EmbedTextAsync(model, i.ToString(), text, context.CancellationToken)));
        return new EmbedTextsResponse { Embeddings = { embeddings } };
    }

    public override async Task<EmbedScoresResponse> EmbedScores(EmbedScoresRequest request, ServerCallContext context)
    {
        var embeddings = await Task.WhenAll(request.Scores.Select(score =>
            EmbedScoreAsync(score, request.ModelVersion, context.CancellationToken)));
        return new EmbedScoresResponse { Embeddings = { embeddings } };
    }

    public override Task StreamEmbedTexts(IAsyncStreamReader<TextItem> requestStream, IServerStreamWriter<GrpcEmbedding> responseStream, ServerCallContext context) =>
        OrderedStream.RunAsync(requestStream, responseStream,
            item => EmbeddingReplies.ItemAsync(item.Id, ServedModel.TextModality, metrics, () => EmbedTextAsync(registry.Resolve(item.ModelVersion), item.Id, item.Text, context.CancellationToken)),
            options.Value.MaxBatchItems, context.CancellationToken);

    public override Task StreamEmbedScores(IAsyncStreamReader<ScoreItem> requestStream, IServerStreamWriter<GrpcEmbedding> responseStream, ServerCallContext context) =>
        OrderedStream.RunAsync(requestStream, responseStream,
            item => EmbedScoreAsync(item, "", context.CancellationToken),
            options.Value.MaxBatchItems, context.CancellationToken);

    public override Task<ListModelsResponse> ListModels(ListModelsRequest request, ServerCallContext context)
    {
        var defaultVersion = registry.Default?.Version;
        var response = new ListModelsResponse();
        response.Models.AddRange(registry.Models.Select(m => new ModelInfo
        {
            ModelId = m.ModelId,
            ModelVersion = m.Version,
            EmbeddingDim = m.Model.Manifest.EmbeddingDim,
            PatchScheme = m.Model.Manifest.PatchScheme,
            MaxPatches = m.Model.Manifest.MaxPatches,
            PromptTemplate = m.Model.Manifest.PromptTemplate,
            ExecutionProvider = m.Model.Provider.Name,
            IsDefault = m.Version == defaultVersion,
        }));
        return Task.FromResult(response);
    }

    private static async Task<GrpcEmbedding> EmbedTextAsync(ServedModel model, string id, string text, CancellationToken cancellationToken) =>
        EmbeddingReplies.Success(id, await model.EmbedTextAsync(text, cancellationToken), model);

    private Task<GrpcEmbedding> EmbedScoreAsync(ScoreItem score, string requestVersion, CancellationToken cancellationToken) =>
        EmbeddingReplies.ItemAsync(score.Id, ServedModel.MusicModality, metrics, async () =>
        {
            var model = registry.Resolve(score.ModelVersion is { Length: > 0 } version ? version : requestVersion);
            var embedding = await model.EmbedScoreAsync(score.PatchScheme, score.PatchLength, score.PatchCount, score.Patches.Span, cancellationToken);
            return EmbeddingReplies.Success(score.Id, embedding, model);
        });

    private ServedModel Resolve(string version)
    {
        try
        {
            return registry.Resolve(version);
        }
        catch (ModelNotLoadedException ex)
        {
            throw EmbeddingReplies.NotLoaded(ex, registry.Models.Count > 0);
        }
    }
}
