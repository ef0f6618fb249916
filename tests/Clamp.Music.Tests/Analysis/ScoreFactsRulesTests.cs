using Clamp.Music.Analysis;

namespace Clamp.Music.Tests.Analysis;

/// <summary><see cref="ScoreFacts"/> rules on small hand-written ABC.</summary>
public class ScoreFactsRulesTests
{
    private static ScoreFacts Facts(string body, string header = "X:1\nL:1/8\nK:C\n") => ScoreFacts.From(AnalysisSamples.Abc(header + body));

    [Fact]
    public void Lead_sheet_chord_symbols_are_counted_by_kind()
    {
        var facts = Facts("\"C\"C2 \"Am7\"A2 \"Dm7\"D2 \"G7\"G2|\"Cmaj9\"c2 \"F#m7b5\"F2 \"B7/D#\"B2 \"Em\"E2|\"^annotation\"C2 \"N.C.\"D2 \"Am7\"A4|");

        Assert.Equal((2, 6, 1), (facts.Chords!.Triads, facts.Chords.Sevenths, facts.Chords.Extended));
        Assert.Equal(HarmonyStyle.SeventhChords, facts.Chords.Style);
        Assert.Equal(["Am7", "Dm7"], facts.Chords.Examples(ChordKind.Seventh, 2));
        Assert.Equal(["Cmaj9"], facts.Chords.Examples(ChordKind.Extended, 2));
    }

    [Fact]
    public void Jazz_symbols_make_extended_harmony()
    {
        var facts = Facts("\"Cmaj9\"C4 \"A13\"A4|\"Dm11\"D4 \"G7\"G4|");

        Assert.Equal(HarmonyStyle.ExtendedChords, facts.Chords!.Style);
    }

    [Fact]
    public void Without_symbols_chords_are_read_from_simultaneous_notes()
    {
        // C major triad, D minor seventh, G ninth; an octave and a unison are no chords.
        var facts = Facts("[CEG]2 [DFAc]2 [GBdfa]2 [Cc]2|[CC]2 [EGc]2 z4|");

        Assert.Equal(ChordSource.Notes, facts.Chords!.Source);
        Assert.Equal(["C", "Dm7", "G9"], facts.Chords.Distinct.Select(c => c.Name));
        Assert.Equal((2, 1, 1), (facts.Chords.Triads, facts.Chords.Sevenths, facts.Chords.Extended));
    }

    [Fact]
    public void Range_follows_octave_marks_key_and_bar_accidentals()
    {
        // Bb major: B,, is Bb2; ^c'' is C#7 and the later c'' in the bar keeps the sharp.
        var facts = Facts("B,, ^c'' c'' e|E c''|", "X:1\nK:Bb\n");

        Assert.Equal(("Bb2", "C#7", 51), (facts.Range!.Lowest.Name, facts.Range.Highest.Name, facts.Range.Semitones));
    }

    [Fact]
    public void Accidentals_last_to_the_bar_line_only()
    {
        Assert.Equal("C#4", Facts("^C C c|D|").Range!.Lowest.Name);
        Assert.Equal("C4", Facts("^C c|C|").Range!.Lowest.Name);
        Assert.Equal("C4", Facts("^C =C|D|").Range!.Lowest.Name);
    }

    [Fact]
    public void Inline_key_changes_are_honoured_and_skipped_text_is_not_read_as_notes()
    {
        var facts = Facts("\"Gm\"c !trill!c +fermata+c {g}c|[K:A] c \"^Bass here\" c|");

        Assert.Equal(("C5", "C#5"), (facts.Range!.Lowest.Name, facts.Range.Highest.Name));
        Assert.Equal(2, facts.Bars);
    }

    [Fact]
    public void One_plain_voice_is_a_monophonic_melody()
    {
        var facts = Facts("CDEF GABc|cBAG FEDC|");

        Assert.Equal(Texture.MonophonicMelody, facts.Texture);
        Assert.Equal((1, 1), (facts.Voices, facts.Parts));
        Assert.Equal(8, facts.NotesPerBar);
        Assert.Equal(DensityCategory.Moderate, facts.Density);
    }

    [Fact]
    public void Voices_in_one_rhythm_are_homophonic_and_independent_voices_polyphonic()
    {
        const string header = "X:1\nL:1/8\nK:C\nV:1 nm=\"Violin I\"\nV:2 nm=\"Violin II\"\n";
        var together = Facts("[V:1]c2 d2 e2 f2|g8|\n[V:2]E2 F2 G2 A2|B8|\n", header);
        var apart = Facts("[V:1]c8|g8|\n[V:2]EFGA BAGF|EDCD EFGA|\n", header);

        Assert.Equal(Texture.Homophonic, together.Texture);
        Assert.Equal(Texture.Polyphonic, apart.Texture);
        Assert.Equal((2, 2, 2), (apart.Voices, apart.Parts, apart.Bars));
        Assert.Equal(["Violin I", "Violin II"], apart.PartNames);
    }

    [Fact]
    public void Multi_bar_rests_count_their_bars()
    {
        Assert.Equal(6, Facts("Z4|CDEF|GABc|").Bars);
    }

    [Theory]
    [InlineData(60, TempoCategory.Slow)]
    [InlineData(76, TempoCategory.Moderate)]
    [InlineData(120, TempoCategory.Lively)]
    [InlineData(140, TempoCategory.VeryFast)]
    public void Tempo_words_follow_beats_per_minute(int bpm, TempoCategory category)
    {
        Assert.Equal(category, Facts("CDEF|", $"X:1\nQ:1/4={bpm}\nK:C\n").Tempo);
    }
}
