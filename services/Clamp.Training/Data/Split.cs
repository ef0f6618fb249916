using System.Security.Cryptography;
using System.Text;

namespace Clamp.Training.Data;

/// <summary>The deterministic train / dev split: a score is in dev when the hash of its id falls in the dev share.</summary>
public static class Split
{
    public static bool IsDev(string id, double devShare)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(id));
        var bucket = BitConverter.ToUInt32(hash, 0) / (double)uint.MaxValue;
        return bucket < devShare;
    }
}
