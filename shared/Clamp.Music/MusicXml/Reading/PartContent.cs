namespace Clamp.Music.MusicXml.Reading;

/// <summary>Everything read from one <c>&lt;part&gt;</c>.</summary>
internal sealed class PartContent(string name)
{
    public string Name { get; } = name;

    public List<PartMeasure> Measures { get; } = [];

    /// <summary>The clef of each staff at the start of the part.</summary>
    public Dictionary<int, string> InitialClefs { get; } = [];

    /// <summary>Lyric syllables per verse number, in order.</summary>
    public SortedDictionary<string, List<string>> Verses { get; } = new(StringComparer.Ordinal);

    public double? Tempo { get; set; }

    public int EventCount { get; set; }
}
