using Clamp.Music.Analysis;

namespace Clamp.Music.Tests.Analysis;

/// <summary><see cref="ScoreFacts"/> of real scores, checked by hand against the ABC.</summary>
public class ScoreFactsSampleTests
{
    [Fact]
    public void Nottingham_jig_with_chord_symbols()
    {
        // "A|" pickup + 4 + 4, "B"e| pickup + 4 + 4 bars; lowest D (AFD, DFA), highest b (gab, bag).
        var facts = ScoreFacts.From(AnalysisSamples.RepositoryAbc("jigs.abc", "The American Dwarf"));

        Assert.Equal("6/8", facts.Meter);
        Assert.Equal(("D", "major"), (facts.KeyTonic, facts.KeyMode));
        Assert.Null(facts.Tempo);
        Assert.Equal(18, facts.Bars);
        Assert.Equal(("D4", "B5", 21), (facts.Range!.Lowest.Name, facts.Range.Highest.Name, facts.Range.Semitones));
        Assert.Equal(ChordSource.Symbols, facts.Chords!.Source);
        Assert.Equal((21, 6, 0), (facts.Chords.Triads, facts.Chords.Sevenths, facts.Chords.Extended));
        Assert.Equal(HarmonyStyle.SimpleTriads, facts.Chords.Style);
        Assert.Equal(["D", "G"], facts.Chords.Examples(ChordKind.Triad, 2));
        Assert.Equal((1, 1), (facts.Voices, facts.Parts));
        Assert.Equal(Texture.MelodyWithChords, facts.Texture);
    }

    [Fact]
    public void ONeills_air_in_g_minor_takes_flats_from_the_key()
    {
        // 4 + 4 + 4 bars, "G |" pickup + 4, 4 + 4; lowest D (D2=E^F, .D2), highest b (b2, bagf) = Bb in G minor.
        var facts = ScoreFacts.From(AnalysisSamples.Imported("abc/oneills-0001-0005.abc"));

        Assert.Equal("2/4", facts.Meter);
        Assert.Equal(("G", "minor"), (facts.KeyTonic, facts.KeyMode));
        Assert.Equal(25, facts.Bars);
        Assert.Equal(("D4", "Bb5", 20), (facts.Range!.Lowest.Name, facts.Range.Highest.Name, facts.Range.Semitones));
        Assert.Null(facts.Chords);
        Assert.Equal(Texture.MonophonicMelody, facts.Texture);
        Assert.Equal(1, facts.Parts);
        Assert.Empty(facts.PartNames);
    }

    [Fact]
    public void Bach_chorale_from_musicxml_has_four_named_parts()
    {
        var facts = ScoreFacts.From(AnalysisSamples.Imported("musicxml/bwv66.6.mxl"));

        Assert.Equal("4/4", facts.Meter);
        Assert.Equal(("F#", "minor"), (facts.KeyTonic, facts.KeyMode));
        Assert.Equal((96, TempoCategory.Moderate), (facts.BeatsPerMinute, facts.Tempo));
        Assert.Equal(10, facts.Bars);
        Assert.Equal((4, 4), (facts.Voices, facts.Parts));
        Assert.Equal(["Soprano", "Alto", "Tenor", "Bass"], facts.PartNames);
        Assert.Equal(Texture.Homophonic, facts.Texture);
        Assert.Equal(RangeOfChorale, (facts.Range!.Lowest.Name, facts.Range.Highest.Name));
    }

    [Fact]
    public void Lead_sheet_from_musicxml_is_a_melody_with_chords()
    {
        var facts = ScoreFacts.From(AnalysisSamples.Imported("musicxml/Le_temps_des_cerises.mxl"));

        Assert.Equal(31, facts.Bars);
        Assert.Equal(1, facts.Parts);
        Assert.Equal(ChordSource.Symbols, facts.Chords!.Source);
        Assert.Equal(Texture.MelodyWithChords, facts.Texture);
    }

    [Fact]
    public void Pop909_midi_has_three_named_parts()
    {
        var tune = AnalysisSamples.Imported("midi/pop909-001.mid");
        var conversion = Clamp.Music.Midi.MidiConverter.Convert(File.ReadAllBytes(Support.Samples.PathOf("midi/pop909-001.mid")));
        var facts = ScoreFacts.From(tune);

        Assert.Equal("2/4", facts.Meter);
        Assert.Equal((90, TempoCategory.Moderate), (facts.BeatsPerMinute, facts.Tempo));
        Assert.Equal(conversion.BarCount, facts.Bars);
        Assert.Equal(3, facts.Parts);
        Assert.Equal(["MELODY", "BRIDGE", "PIANO"], facts.PartNames);
        Assert.NotNull(facts.Range);
        Assert.NotNull(facts.Density);
    }

    /// <summary>Bass F,, (F#2 in F# minor) in bar 4; soprano e (E5) in bar 2.</summary>
    private static readonly (string, string) RangeOfChorale = ("F#2", "E5");
}
