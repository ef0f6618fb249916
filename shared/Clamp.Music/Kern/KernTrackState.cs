using Clamp.Music.MusicXml.Model;

namespace Clamp.Music.Kern;

/// <summary>What one <c>**kern</c> spine (with all its sub-spines) has in force: key, meter, clef, name, part and staff.</summary>
internal sealed class KernTrackState
{
    public int Fifths { get; set; }

    public string Mode { get; set; } = "major";

    public Meter? Meter { get; set; }

    public string Clef { get; set; } = "treble";

    /// <summary>The instrument name (<c>*I"</c>).</summary>
    public string? Name { get; set; }

    /// <summary>The part number (<c>*part</c>): spines of one part (a piano's staves) are grouped in braces.</summary>
    public int? Part { get; set; }

    /// <summary>The staff number (<c>*staff</c>).</summary>
    public int? Staff { get; set; }

    public KeySignature Key => new(Fifths, Mode);

    /// <summary>The key, meter and clef now, to compare bar by bar.</summary>
    public KernSnapshot Snapshot() => new(Key, Meter, Clef);
}

/// <summary>The key, meter and clef of a spine at the start of a bar.</summary>
internal sealed record KernSnapshot(KeySignature Key, Meter? Meter, string Clef);
