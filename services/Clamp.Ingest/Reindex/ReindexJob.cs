using System.Security.Cryptography;
using System.Text;

namespace Clamp.Ingest.Reindex;

/// <summary>A re-indexing job: every score stored when it started is announced again for one model version.</summary>
public sealed record ReindexJob(
    Guid Id,
    string ModelId,
    string ModelVersion,
    string Status,
    long Total,
    long Done,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt)
{
    public const string Running = "running";
    public const string Completed = "completed";

    /// <summary>The job id for a published model version: the same version always gives the same job, so a
    /// repeated <c>ModelPublished</c> starts nothing new.</summary>
    public static Guid IdFor(string modelId, string modelVersion) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"reindex/{modelId}/{modelVersion}")).AsSpan(0, 16));
}
