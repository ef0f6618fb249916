using System.Buffers;

namespace Clamp.Music.Patching;

/// <summary>
/// The CLaMP-1 bar patching, reproduced exactly (see docs/music-frontend.md): field lines are patches of their
/// own; the other lines are joined without newlines into a body that is split at bar lines; the non-empty
/// pieces (text, bar line, text, …) are paired, a leading bar line joining the first pair; an unpaired last
/// piece is dropped.
/// </summary>
internal sealed class Clamp1Patcher : IBarPatcher
{
    public PatchScheme Scheme => PatchScheme.Clamp1;

    public PatchSequence Patch(ReadOnlySpan<char> musicText, int maxPatches = IBarPatcher.DefaultMaxPatches)
    {
        musicText = AsciiFolding.Fold(musicText); // CLaMP's unidecode step; ASCII text is used as it is
        using var writer = new PatchWriter(maxPatches, BarPatcher.EstimatePatches(musicText.Length));
        var body = ArrayPool<char>.Shared.Rent(musicText.Length);
        try
        {
            var bodyLength = 0;
            var position = 0;
            while (position <= musicText.Length && !writer.IsFull)
            {
                var line = MusicLines.Next(musicText, ref position);
                if (MusicLines.IsPatchOnItsOwn(line))
                {
                    AddBars(body.AsSpan(0, bodyLength), writer);
                    bodyLength = 0;
                    writer.Add(line);
                }
                else
                {
                    line.CopyTo(body.AsSpan(bodyLength));
                    bodyLength += line.Length;
                }
            }

            AddBars(body.AsSpan(0, bodyLength), writer);
            writer.AddEndOfSequence();
            return writer.ToSequence();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(body);
        }
    }

    private static void AddBars(ReadOnlySpan<char> body, PatchWriter writer)
    {
        if (body.IsEmpty)
        {
            return;
        }

        var pairing = new PiecePairing(body, writer);
        var position = 0;
        while (!writer.IsFull)
        {
            var barLine = BarLines.FindNext(body, position, out var length);
            if (barLine < 0)
            {
                pairing.Add(body.Length, isBarLine: false);
                break;
            }

            pairing.Add(barLine, isBarLine: false);
            pairing.Add(barLine + length, isBarLine: true);
            position = barLine + length;
        }

        pairing.Finish();
    }

    /// <summary>Groups the non-empty pieces of a body into bars: three pieces first when it starts with a bar line, then pairs.</summary>
    private ref struct PiecePairing(ReadOnlySpan<char> body, PatchWriter writer)
    {
        private readonly ReadOnlySpan<char> _body = body;
        private int _groupStart;
        private int _pieceEnd;
        private int _piecesInGroup;
        private int _groupSize;

        public void Add(int end, bool isBarLine)
        {
            if (end == _pieceEnd)
            {
                return;
            }

            if (_groupSize == 0)
            {
                _groupSize = isBarLine ? 3 : 2;
            }

            _pieceEnd = end;
            if (++_piecesInGroup == _groupSize)
            {
                writer.Add(_body[_groupStart.._pieceEnd]);
                _groupStart = _pieceEnd;
                _piecesInGroup = 0;
                _groupSize = 2;
            }
        }

        /// <summary>
        /// A body that is a single bar line has no bar to pair with (the original routine fails on it);
        /// it is kept as a bar of its own. Any other unpaired rest is dropped, as CLaMP-1 does.
        /// </summary>
        public readonly void Finish()
        {
            if (_groupStart == 0 && _groupSize == 3 && _piecesInGroup == 1)
            {
                writer.Add(_body[.._pieceEnd]);
            }
        }
    }
}
