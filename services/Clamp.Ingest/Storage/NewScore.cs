using System.Security.Cryptography;
using Clamp.Contracts.Messages;

namespace Clamp.Ingest.Storage;

/// <summary>A score about to be stored: the raw file (or one tune of it) and what the uploader said about it.</summary>
public sealed record NewScore(string FileName, ScoreFormat Format, byte[] Content, ScoreMetadata Metadata)
{
    /// <summary>SHA-256 of the raw content, lower-case hex: the deduplication key.</summary>
    public string ContentHash { get; } = Convert.ToHexStringLower(SHA256.HashData(Content));
}

/// <summary>The outcome of storing one score: its id, and whether the same content was already stored.</summary>
public sealed record StoredScore(Guid Id, bool Duplicate, ScoreStatus Status);
