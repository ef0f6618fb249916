using Clamp.Contracts.Grpc;
using Clamp.Inference.Tests.Fixtures;
using Google.Protobuf;

namespace Clamp.Embedding.Tests.Grpc;

/// <summary>gRPC score items made of the patches of real tunes.</summary>
internal static class ScoreItems
{
    public static ScoreItem Of(string id, string tune, string modelVersion = "")
    {
        var patches = Patches.Of(tune);
        return new ScoreItem
        {
            Id = id,
            Patches = ByteString.CopyFrom(patches.Ids),
            PatchCount = patches.Count,
            PatchLength = patches.PatchLength,
            PatchScheme = "clamp1",
            ModelVersion = modelVersion,
        };
    }
}
