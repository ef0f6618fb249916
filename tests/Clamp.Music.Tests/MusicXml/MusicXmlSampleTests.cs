using Clamp.Music.Abc;
using Clamp.Music.MusicXml;

namespace Clamp.Music.Tests.MusicXml;

/// <summary>The converter on real MusicXML files committed under Samples/musicxml.</summary>
public class MusicXmlSampleTests
{
    [Theory]
    [InlineData("bwv66.6.mxl", 10, 4)]
    [InlineData("bwv67.4.xml", 19, 4)]
    [InlineData("Le_temps_des_cerises.mxl", 31, 1)]
    public void Every_voice_of_the_abc_has_as_many_bars_as_the_source_has_measures(string file, int measures, int voices)
    {
        var conversion = MusicXmlSamples.Convert(file);
        var tune = AbcParser.ParseTune(conversion.Abc);
        var bars = AbcBarCounter.CountPerVoice(tune.MusicText);

        Assert.Equal(measures, conversion.MeasureCount);
        Assert.Equal(voices, conversion.VoiceCount);
        Assert.Equal(voices, bars.Count);
        Assert.All(bars.Values, count => Assert.Equal(measures, count));
        Assert.Empty(tune.Warnings);
    }

    [Fact]
    public void Chorale_has_four_named_voices_interleaved_bar_by_bar()
    {
        var abc = MusicXmlSamples.Convert("bwv66.6.mxl").Abc;
        var lines = abc.Split('\n');

        Assert.Contains("%%score 1 2 3 4", lines);
        Assert.Contains("K:F#m", lines);
        Assert.Contains("M:C", lines);
        Assert.Contains("Q:1/4=96", lines);
        Assert.Contains("V:1 treble nm=\"Soprano\"", lines);
        Assert.Contains("V:4 bass nm=\"Bass\"", lines);
        var body = lines.SkipWhile(l => !l.StartsWith("[V:", StringComparison.Ordinal)).Take(8).ToArray();
        Assert.Equal(["[V:1]cB|", "[V:2]E2|", "[V:3]A,B,|", "[V:4]A,G,|", "[V:1]A2 B2 !fermata!c2 e2|"], body[..5]);
    }

    [Fact]
    public void Accidentals_follow_the_key_and_the_bar()
    {
        var abc = MusicXmlSamples.Convert("bwv66.6.mxl").Abc;

        // F# minor: F#, C#, G# come from the key; E# needs its sharp once per bar and pitch.
        Assert.Contains("[V:2]F^E FF, C4|", abc);
        Assert.Contains("[V:1]F2 F^E !fermata!F2 x2|]", abc);
    }

    [Fact]
    public void Lead_sheet_keeps_chord_symbols_lyrics_and_repeats()
    {
        var abc = MusicXmlSamples.Convert("Le_temps_des_cerises.mxl").Abc;
        var tune = AbcParser.ParseTune(abc);

        Assert.Equal("Le Temps Des Cerises", tune.Metadata.Title);
        Assert.StartsWith("W:Quand nous chanterons le temps des cerises,", abc.Split('\n').Single(l => l.StartsWith("W:", StringComparison.Ordinal)));
        Assert.Contains("z2 z2 D2|:\"G\"G2 G2 G2|G4 G2|\"D\"A2 A2 A2|", abc);
        Assert.EndsWith("\"G\"G6-|G2 z2 D2:|\n", abc);
        Assert.DoesNotContain("Quand", tune.MusicText);
    }

    [Fact]
    public void A_song_of_a_set_has_its_own_title_and_the_set_as_collection()
    {
        var import = new ScoreImporter().Import(Support.Samples.PathOf("musicxml/lc5079391.mxl"));

        var metadata = Assert.Single(import.Succeeded).Metadata;
        Assert.Equal("Chant d'automne", metadata.Title);
        Assert.Empty(metadata.AlternativeTitles);
        Assert.Equal("6 Mélodies", metadata.Book);
        Assert.Equal("Charles Gounod", metadata.Composer);
        Assert.Equal("Anonymous", metadata.Lyricist);
        Assert.Null(metadata.Arranger);
        Assert.Equal("movement: 4", metadata.Notes);
        Assert.StartsWith("Oh! viens, la fleur déjà fanée Meurt sous le regard du soleil,", metadata.Lyrics);
        Assert.DoesNotContain('\n', metadata.Lyrics!); // one verse, one line
    }

    [Fact]
    public void Compressed_flag_does_not_matter_the_bytes_decide()
    {
        var bytes = File.ReadAllBytes(Support.Samples.PathOf("musicxml/bwv66.6.mxl"));

        Assert.Equal(MusicXmlConverter.ToAbc(bytes, compressed: true), MusicXmlConverter.ToAbc(bytes, compressed: false));
    }
}
