using Clamp.Embedding.Diagnostics;
using Clamp.Embedding.Models;
using Clamp.Inference.Encoders;
using Grpc.Core;
using GrpcEmbedding = Clamp.Contracts.Grpc.Embedding;

namespace Clamp.Embedding.Grpc;

/// <summary>Builds the gRPC answers: one embedding, one item's error, or the status of a failed call.</summary>
internal static class EmbeddingReplies
{
    public static GrpcEmbedding Success(string id, float[] values, ServedModel model)
    {
        var reply = new GrpcEmbedding { Id = id, ModelId = model.ModelId, ModelVersion = model.Version };
        reply.Values.Add(values);
        return reply;
    }

    public static GrpcEmbedding Failure(string id, string error, string? modelVersion = null) =>
        new() { Id = id, Error = error, ModelVersion = modelVersion ?? "" };

    /// <summary>Runs one item and turns the errors of that item alone (bad input, unknown version) into its error
    /// field, counted in the failure metric.</summary>
    public static async Task<GrpcEmbedding> ItemAsync(string id, string modality, EmbeddingMetrics metrics, Func<Task<GrpcEmbedding>> embed)
    {
        try
        {
            return await embed();
        }
        catch (InvalidPatchesException ex)
        {
            metrics.Failed(ex.Code, modality);
            return Failure(id, $"{ex.Code}: {ex.Message}");
        }
        catch (ModelNotLoadedException ex)
        {
            metrics.Failed(ModelNotLoadedException.Code, modality);
            return Failure(id, $"{ModelNotLoadedException.Code}: {ex.Message}");
        }
    }

    /// <summary>The status of a call whose model is not loaded: unavailable while none is, not found for an unknown version.</summary>
    public static RpcException NotLoaded(ModelNotLoadedException ex, bool anyLoaded) =>
        new(new Status(anyLoaded ? StatusCode.NotFound : StatusCode.Unavailable, ex.Message));
}
