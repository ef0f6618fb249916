using System.Security.Cryptography;
using System.Text;

namespace Clamp.VectorStore.Storage;

/// <summary>
/// The table holding one model version's embeddings: <c>embeddings_&lt;sanitised version&gt;_&lt;hash&gt;</c>.
/// The sanitised part keeps the name readable ("1.0.0" -> "1_0_0"); the hash of the exact version keeps
/// versions that sanitise alike ("1.0-0", "1_0_0") apart. Only [a-z0-9_] reach SQL, so the name needs no quoting.
/// </summary>
public static class VersionTableName
{
    private const string Prefix = "embeddings_";
    private const int MaxReadableLength = 32;

    public static string For(string modelVersion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelVersion);
        var readable = new StringBuilder(MaxReadableLength);
        foreach (var c in modelVersion.ToLowerInvariant())
        {
            if (readable.Length == MaxReadableLength) break;
            readable.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '_');
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(modelVersion)))[..8];
        return $"{Prefix}{readable}_{hash}";
    }
}
