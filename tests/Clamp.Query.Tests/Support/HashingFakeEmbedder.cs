using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Clamp.Contracts.Grpc;
using Grpc.Core;

namespace Clamp.Query.Tests.Support;

/// <summary>
/// A FAKE embedding service for testing the query service's own logic (not the model): each text or patch
/// sequence maps to a fixed pseudo-random unit vector seeded by its SHA-256, so equal inputs give equal vectors
/// and different inputs nearly orthogonal ones. A text starting with "slow:" waits until the call is cancelled
/// (to prove deadlines propagate). The real service is tested end to end separately.
/// </summary>
public sealed class HashingFakeEmbedder : Embedder.EmbedderBase
{
    public const int Dimension = 32;
    public const string ModelVersion = "1.0.0";

    /// <summary>The prompt template the fake model's manifest names (reproduces stored score 5's description for "reel").</summary>
    public const string PromptTemplate = "A {label} in D major, tune number 5";

    public ConcurrentQueue<ScoreItem> ReceivedScores { get; } = new();
    public ConcurrentQueue<string> CancelledTexts { get; } = new();

    /// <summary>Every text asked for, in order, once per time it was asked for.</summary>
    public ConcurrentQueue<string> ReceivedTexts { get; } = new();

    public static float[] Vector(string text) => Vector(Encoding.UTF8.GetBytes("text:" + text));

    public static float[] Vector(byte[] seedBytes)
    {
        var random = new Random(BitConverter.ToInt32(SHA256.HashData(seedBytes)));
        var vector = new float[Dimension];
        double squares = 0;
        for (var i = 0; i < Dimension; i++)
        {
            var g = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            vector[i] = (float)g;
            squares += g * g;
        }
        return vector.Select(v => (float)(v / Math.Sqrt(squares))).ToArray();
    }

    public override async Task<EmbedTextsResponse> EmbedTexts(EmbedTextsRequest request, ServerCallContext context)
    {
        var response = new EmbedTextsResponse();
        foreach (var text in request.Texts)
        {
            ReceivedTexts.Enqueue(text);
            if (text.StartsWith("slow:", StringComparison.Ordinal))
            {
                try { await Task.Delay(Timeout.Infinite, context.CancellationToken); }
                catch (OperationCanceledException) { CancelledTexts.Enqueue(text); throw; }
            }
            response.Embeddings.Add(Embedding(Vector(text), request.ModelVersion));
        }
        return response;
    }

    public override Task<EmbedScoresResponse> EmbedScores(EmbedScoresRequest request, ServerCallContext context)
    {
        var response = new EmbedScoresResponse();
        foreach (var score in request.Scores)
        {
            ReceivedScores.Enqueue(score);
            response.Embeddings.Add(Embedding(Vector(score.Patches.ToByteArray()), request.ModelVersion));
        }
        return Task.FromResult(response);
    }

    public override Task<ListModelsResponse> ListModels(ListModelsRequest request, ServerCallContext context) =>
        Task.FromResult(new ListModelsResponse
        {
            Models =
            {
                new ModelInfo
                {
                    ModelId = "clamp-test", ModelVersion = ModelVersion, EmbeddingDim = Dimension,
                    PatchScheme = "clamp1", MaxPatches = 128, ExecutionProvider = "fake", IsDefault = true, PromptTemplate = PromptTemplate,
                },
            },
        });

    private static Contracts.Grpc.Embedding Embedding(float[] vector, string modelVersion) => new()
    {
        Values = { vector },
        ModelId = "clamp-test",
        ModelVersion = modelVersion.Length > 0 ? modelVersion : ModelVersion,
    };
}
