namespace Clamp.Music.Patching;

/// <summary>
/// The patches of one score: <see cref="Count"/> rows of <see cref="PatchLength"/> ids, row-major in <see cref="Ids"/>.
/// </summary>
public sealed class PatchSequence
{
    public PatchSequence(byte[] ids, int patchLength = PatchVocabulary.PatchLength)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(patchLength);
        if (ids.Length % patchLength != 0)
        {
            throw new ArgumentException($"{ids.Length} ids are not a whole number of {patchLength}-id patches.", nameof(ids));
        }

        Ids = ids;
        PatchLength = patchLength;
    }

    public byte[] Ids { get; }

    public int PatchLength { get; }

    public int Count => Ids.Length / PatchLength;

    public ReadOnlySpan<byte> Row(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Ids.AsSpan(index * PatchLength, PatchLength);
    }

    public IEnumerable<byte[]> Rows()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return Row(i).ToArray();
        }
    }

    /// <summary>The ids widened to int64, as the ONNX music encoder takes them.</summary>
    public long[] ToInt64()
    {
        var result = new long[Ids.Length];
        for (var i = 0; i < Ids.Length; i++)
        {
            result[i] = Ids[i];
        }

        return result;
    }

    /// <summary>The text a patch holds (its characters up to the end-of-patch id; other ids are skipped).</summary>
    public string RowText(int index)
    {
        var row = Row(index);
        var end = row.IndexOf(PatchVocabulary.EndOfPatch);
        var chars = end < 0 ? row : row[..end];
        var text = new System.Text.StringBuilder(chars.Length);
        foreach (var id in chars)
        {
            if (PatchVocabulary.CharOf(id) is char c)
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
