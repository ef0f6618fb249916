using Clamp.Contracts.Grpc;

namespace Clamp.VectorStore.Storage;

/// <summary>A k-NN search in one version table, validated.</summary>
public sealed record NearestQuery(
    float[] Vector,
    int Limit,
    int Offset,
    ScoreFilter? Filter,
    IReadOnlyCollection<Guid> Exclude,
    bool Exact);
