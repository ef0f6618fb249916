using Clamp.Contracts.Grpc;
using Google.Protobuf;

namespace Clamp.Cli.Commands.Platform;

/// <summary>A score file sent along with a query (not indexed); a missing or unreadable file exits with 5.</summary>
public static class UploadedScores
{
    public static async Task<UploadedScore> ReadAsync(FileInfo file, CancellationToken cancellationToken) => new()
    {
        FileName = file.Name,
        Content = ByteString.CopyFrom(await InputFiles.ReadAllBytesAsync(file.FullName, cancellationToken)),
    };
}
