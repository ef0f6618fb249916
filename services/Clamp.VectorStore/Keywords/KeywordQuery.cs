using Clamp.Contracts.Grpc;

namespace Clamp.VectorStore.Keywords;

/// <summary>A keyword search in one version's scores, validated.</summary>
public sealed record KeywordQuery(string Text, int Limit, int Offset, ScoreFilter? Filter);
