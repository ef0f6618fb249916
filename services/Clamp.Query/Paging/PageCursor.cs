using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Clamp.Contracts.Grpc;
using Google.Protobuf;

namespace Clamp.Query.Paging;

/// <summary>
/// Where a paged search stands: the offset of the next page, the model version the search began with (so later
/// pages stay on it even if another version starts serving), and a fingerprint of the query (so a token cannot be
/// replayed against another query). Travels as an opaque base64url page token.
/// </summary>
internal sealed record PageCursor(int Offset, string ModelVersion, string Fingerprint)
{
    private const string Format = "p1";

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
        string.Join('\n', Format, Offset.ToString(CultureInfo.InvariantCulture), Fingerprint, ModelVersion)));

    /// <summary>Reads a token; null when it is not one this service wrote.</summary>
    public static PageCursor? Decode(string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('\n', 4);
            return parts.Length == 4 && parts[0] == Format
                   && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                   && parts[3].Length > 0
                ? new PageCursor(offset, parts[3], parts[2])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>A short hash of what a search asks (its kind, subject and filter).</summary>
    public static string FingerprintOf(string kind, string subject, ScoreFilter? filter)
    {
        var bytes = Encoding.UTF8.GetBytes($"{kind}\0{subject}\0").Concat(filter?.ToByteArray() ?? []).ToArray();
        return Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
    }
}
