namespace Clamp.Music.Analysis;

/// <summary>The chords a score uses: how many of each kind, the most common names and a summary.</summary>
public sealed record ChordVocabulary
{
    /// <summary>Share of extended chords from which the harmony counts as extended.</summary>
    private const double ExtendedShare = 0.15;

    /// <summary>Share of seventh (and extended) chords from which the harmony counts as rich in sevenths.</summary>
    private const double SeventhShare = 0.25;

    public required ChordSource Source { get; init; }

    public required int Triads { get; init; }

    public required int Sevenths { get; init; }

    public required int Extended { get; init; }

    public int Total => Triads + Sevenths + Extended;

    /// <summary>Distinct chord names, most frequent first (ties in order of first use).</summary>
    public required IReadOnlyList<NamedChord> Distinct { get; init; }

    public required HarmonyStyle Style { get; init; }

    /// <summary>The most frequent chords of a kind, at most <paramref name="count"/>.</summary>
    public IReadOnlyList<string> Examples(ChordKind kind, int count) =>
        Distinct.Where(c => c.Kind == kind).Take(count).Select(c => c.Name).ToList();

    /// <summary>The vocabulary of a list of chords; null when it is empty.</summary>
    public static ChordVocabulary? From(IReadOnlyList<NamedChord> chords, ChordSource source)
    {
        if (chords.Count == 0)
        {
            return null;
        }

        var triads = chords.Count(c => c.Kind == ChordKind.Triad);
        var sevenths = chords.Count(c => c.Kind == ChordKind.Seventh);
        var extended = chords.Count - triads - sevenths;
        var style = extended >= ExtendedShare * chords.Count ? HarmonyStyle.ExtendedChords
            : sevenths + extended >= SeventhShare * chords.Count ? HarmonyStyle.SeventhChords
            : HarmonyStyle.SimpleTriads;
        var distinct = chords
            .Select((chord, index) => (chord, index))
            .GroupBy(c => c.chord)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.First().index)
            .Select(g => g.Key)
            .ToList();
        return new ChordVocabulary
        {
            Source = source, Triads = triads, Sevenths = sevenths, Extended = extended, Distinct = distinct, Style = style,
        };
    }
}
