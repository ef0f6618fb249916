using System.Buffers;

namespace Clamp.Music.Patching;

/// <summary>Collects patches into a pooled buffer, up to a maximum count; one instance per score.</summary>
internal sealed class PatchWriter : IDisposable
{
    private const int PatchLength = PatchVocabulary.PatchLength;
    private readonly int _maxPatches;
    private byte[] _buffer;
    private int _count;

    public PatchWriter(int maxPatches, int expectedPatches)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPatches);
        _maxPatches = maxPatches;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Clamp(expectedPatches, 4, 1 << 16), maxPatches) * PatchLength);
    }

    public bool IsFull => _count >= _maxPatches;

    /// <summary>One patch of the text's first 64 characters; an end-of-patch id follows a shorter text.</summary>
    public void Add(ReadOnlySpan<char> text)
    {
        if (IsFull)
        {
            return;
        }

        var patch = NextRow();
        var length = Math.Min(text.Length, PatchLength);
        if (length < PatchLength)
        {
            patch.Clear();
            patch[length] = PatchVocabulary.EndOfPatch;
        }

        PatchVocabulary.Encode(text[..length], patch);
    }

    /// <summary>The text in as many patches as it needs (every 64 characters), none truncated.</summary>
    public void AddAll(ReadOnlySpan<char> text)
    {
        do
        {
            Add(text[..Math.Min(text.Length, PatchLength)]);
            text = text[Math.Min(text.Length, PatchLength)..];
        }
        while (!text.IsEmpty);
    }

    /// <summary>The patch of only end-of-patch ids that closes a sequence.</summary>
    public void AddEndOfSequence()
    {
        if (!IsFull)
        {
            NextRow().Fill(PatchVocabulary.EndOfPatch);
        }
    }

    public PatchSequence ToSequence() => new(_buffer.AsSpan(0, _count * PatchLength).ToArray());

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private Span<byte> NextRow()
    {
        var offset = _count * PatchLength;
        if (offset + PatchLength > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * _buffer.Length, (long)_maxPatches * PatchLength));
            _buffer.AsSpan(0, offset).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        _count++;
        return _buffer.AsSpan(offset, PatchLength);
    }
}
