using Clamp.Music.Abc;

namespace Clamp.Music.Analysis;

/// <summary>
/// Musical facts computed from a score itself (its metadata and music text), so that every score, a converted
/// MIDI file included, can be described in words. A fact that cannot be told is null (or 0 / empty).
/// </summary>
public sealed record ScoreFacts
{
    /// <summary>Facts of nothing: what odd input gives.</summary>
    public static ScoreFacts None { get; } = new();

    /// <summary>Normalised meter, e.g. "6/8".</summary>
    public string? Meter { get; init; }

    /// <summary>Tonic of the key: "G", "F#", "Bb".</summary>
    public string? KeyTonic { get; init; }

    /// <summary>Mode of the key: major, minor, dorian …</summary>
    public string? KeyMode { get; init; }

    public int? BeatsPerMinute { get; init; }

    public TempoCategory? Tempo { get; init; }

    /// <summary>Bars written (repeats not unfolded) in the longest voice; 0 when unknown.</summary>
    public int Bars { get; init; }

    /// <summary>Lowest and highest notes over all voices.</summary>
    public PitchRange? Range { get; init; }

    public ChordVocabulary? Chords { get; init; }

    /// <summary>Voices (<c>V:</c>) that hold notes or rests; 1 for a tune without voices.</summary>
    public int Voices { get; init; }

    /// <summary>Parts (instruments or singers): top-level groups of <c>%%score</c>, else one per voice.</summary>
    public int Parts { get; init; }

    /// <summary>Names of the parts as written (<c>V: nm=</c> or <c>name=</c>), in order; empty when none is named.</summary>
    public IReadOnlyList<string> PartNames { get; init; } = [];

    public Texture? Texture { get; init; }

    /// <summary>Notes per bar, all voices together; null when there are no bars.</summary>
    public double? NotesPerBar { get; init; }

    public DensityCategory? Density { get; init; }

    /// <summary>Facts of a tune read by <see cref="AbcParser"/> or <see cref="ScoreImporter"/>; never throws.</summary>
    public static ScoreFacts From(AbcTune tune) => tune is null ? None : From(tune.Metadata, tune.MusicText);

    /// <summary>Facts of a tune's metadata and music text; never throws (odd input gives fewer facts).</summary>
    public static ScoreFacts From(TuneMetadata? metadata, string? musicText)
    {
        try
        {
            return Compute(metadata ?? new TuneMetadata(), musicText ?? "");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return FromMetadata(metadata ?? new TuneMetadata());
        }
    }

    private static ScoreFacts FromMetadata(TuneMetadata metadata) => new()
    {
        Meter = metadata.Meter,
        KeyTonic = metadata.KeyTonic,
        KeyMode = metadata.KeyMode,
        BeatsPerMinute = metadata.BeatsPerMinute,
        Tempo = TempoCategories.From(metadata.BeatsPerMinute, metadata.Tempo),
    };

    private static ScoreFacts Compute(TuneMetadata metadata, string musicText)
    {
        var music = AbcMusicScanner.Scan(musicText);
        var bars = music.Voices.Count == 0 ? 0 : music.Voices.Max(v => v.Bars);
        var notes = music.Voices.Sum(v => v.Notes);
        var voices = music.Voices.Count(v => v.Bars > 0 || v.Notes > 0);
        double? notesPerBar = bars > 0 && notes > 0 ? Math.Round((double)notes / bars, 1) : null;
        var chords = ChordVocabulary.From(music.ChordSymbols, ChordSource.Symbols)
                     ?? ChordVocabulary.From(music.NoteChords, ChordSource.Notes);
        return FromMetadata(metadata) with
        {
            Bars = bars,
            Range = music is { Lowest: { } low, Highest: { } high } ? new PitchRange(low, high) : null,
            Chords = chords,
            Voices = voices,
            Parts = voices == 0 ? 0 : Math.Clamp(music.ScoreParts ?? voices, 1, Math.Max(voices, 1)),
            PartNames = music.Voices.Select(v => v.Name).OfType<string>().ToList(),
            Texture = TextureClassifier.Classify(music),
            NotesPerBar = notesPerBar,
            Density = notesPerBar is { } density ? DensityCategories.From(density) : null,
        };
    }
}
