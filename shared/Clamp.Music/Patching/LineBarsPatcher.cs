namespace Clamp.Music.Patching;

/// <summary>
/// The lossless per-line scheme: field lines are patches of their own; each other line is cut into bars
/// (a bar is its text and the bar line that closes it; bar lines with no text before them lead the next bar;
/// the rest of a line after its last bar line is a bar too); a bar longer than a patch goes on in more patches.
/// </summary>
internal sealed class LineBarsPatcher : IBarPatcher
{
    public PatchScheme Scheme => PatchScheme.LineBars;

    public PatchSequence Patch(ReadOnlySpan<char> musicText, int maxPatches = IBarPatcher.DefaultMaxPatches)
    {
        musicText = AsciiFolding.Fold(musicText); // CLaMP's unidecode step; ASCII text is used as it is
        using var writer = new PatchWriter(maxPatches, BarPatcher.EstimatePatches(musicText.Length));
        var position = 0;
        while (position <= musicText.Length && !writer.IsFull)
        {
            var line = MusicLines.Next(musicText, ref position);
            if (MusicLines.IsPatchOnItsOwn(line))
            {
                writer.AddAll(line);
            }
            else
            {
                AddBars(line, writer);
            }
        }

        writer.AddEndOfSequence();
        return writer.ToSequence();
    }

    private static void AddBars(ReadOnlySpan<char> line, PatchWriter writer)
    {
        var barStart = 0;
        var position = 0;
        while (!writer.IsFull)
        {
            var barLine = BarLines.FindNext(line, position, out var length);
            if (barLine < 0)
            {
                break;
            }

            position = barLine + length;
            if (line[barStart..barLine].Trim().IsEmpty)
            {
                continue;
            }

            writer.AddAll(line[barStart..position]);
            barStart = position;
        }

        if (!line[barStart..].Trim().IsEmpty)
        {
            writer.AddAll(line[barStart..]);
        }
    }
}
