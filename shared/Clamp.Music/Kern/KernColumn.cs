using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.Kern;

/// <summary>One active spine column: the spine (track) it belongs to, its sub-spine slot and when its last note ends.</summary>
internal sealed class KernColumn(int track, int slot, Fraction end)
{
    /// <summary>The index of the spine that an exclusive interpretation (<c>**kern</c>, <c>**dynam</c> ...) started.</summary>
    public int Track { get; } = track;

    /// <summary>The sub-spine: 0 for the spine itself, 1, 2 ... for the columns a <c>*^</c> split off.</summary>
    public int Slot { get; } = slot;

    /// <summary>The time (from the start of the piece) at which the column's last note or rest ends.</summary>
    public Fraction End { get; set; } = end;
}
