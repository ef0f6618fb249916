using Clamp.Contracts.Grpc;

namespace Clamp.VectorStore.Storage;

/// <summary>A k-NN search in one version table over the scores of <paramref name="Tenants"/>, validated.</summary>
public sealed record NearestQuery(
    IReadOnlyList<string> Tenants,
    float[] Vector,
    int Limit,
    int Offset,
    ScoreFilter? Filter,
    IReadOnlyCollection<Guid> Exclude,
    bool Exact);
