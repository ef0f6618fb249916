using Clamp.Contracts.Messages;

namespace Clamp.Ingest.Storage;

/// <summary>A stored score's file: its name, format and bytes.</summary>
internal sealed record ScoreContent(string FileName, ScoreFormat Format, byte[] Content);
