using Clamp.Contracts.Grpc;

namespace Clamp.VectorStore.Keywords;

/// <summary>A keyword search in one version's scores of <paramref name="Tenants"/>, validated.</summary>
public sealed record KeywordQuery(IReadOnlyList<string> Tenants, string Text, int Limit, int Offset, ScoreFilter? Filter);
