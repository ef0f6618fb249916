using Clamp.Music.Abc;
using Clamp.Music.Kern;
using Clamp.Music.Tests.MusicXml;
using Clamp.Music.Tests.Support;

namespace Clamp.Music.Tests.Kern;

/// <summary>The kern converter on real files committed under Samples/kern (a Scarlatti sonata and a Joplin march).</summary>
public class KernSampleTests
{
    private const string Scarlatti = "kern/L053K075.krn";
    private const string Joplin = "kern/rosebud.krn";

    [Theory]
    [InlineData(Scarlatti)]
    [InlineData(Joplin)]
    public void Every_voice_has_one_abc_bar_per_kern_measure(string sample)
    {
        var conversion = KernConverter.Convert(File.ReadAllBytes(Samples.PathOf(sample)));

        var tune = AbcParser.ParseTune(conversion.Abc);
        var bars = AbcBarCounter.CountPerVoice(tune.MusicText);
        Assert.Equal(KernMeasureCounter.Count(Samples.ReadText(sample)), conversion.BarCount);
        Assert.Equal(conversion.VoiceCount, bars.Count);
        Assert.All(bars.Values, count => Assert.Equal(conversion.BarCount, count));
        Assert.Empty(tune.Warnings);
        Assert.Equal(0, conversion.DroppedNotes);
    }

    [Theory]
    [InlineData(Scarlatti, "Sonata in G major, L.53, K.75", "Scarlatti, Domenico", "3/4", "G major", "1/4=168")]
    [InlineData(Joplin, "The Rose-bud March", "Joplin, Scott", "6/8", "G major", "1/4=160")]
    public void Reference_records_and_interpretations_become_metadata_kept_out_of_the_music(
        string sample, string title, string composer, string meter, string key, string tempo)
    {
        var import = new ScoreImporter().Import(Samples.PathOf(sample));

        Assert.Equal(ScoreFileFormat.Kern, import.Format);
        var tune = Assert.Single(import.Succeeded);
        Assert.Equal(title, tune.Metadata.Title);
        Assert.Equal(composer, tune.Metadata.Composer);
        Assert.Equal(meter, tune.Metadata.Meter);
        Assert.Equal(key, tune.Metadata.Key);
        Assert.Equal(tempo, tune.Metadata.Tempo);
        Assert.DoesNotContain(title, tune.MusicText);
        Assert.DoesNotContain(composer, tune.MusicText);
    }

    [Fact]
    public void A_song_of_a_cycle_has_its_title_the_parent_work_as_collection_and_its_credits()
    {
        const string song = "!!!COM: Schubert, Franz\n!!!OTL: Gute Nacht\n!!!OTL@EN: Good Night\n!!!OPR: Winterreise\n!!!LYR: Müller, Wilhelm\n"
            + "!!!LAR: Liszt, Franz\n!!!OMV: 1\n**kern\n*M2/4\n=1\n4c\n4d\n==\n*-\n";

        var metadata = ImportedMetadata(song);

        Assert.Equal(["Gute Nacht", "Good Night"], metadata.Titles);
        Assert.Equal("Winterreise", metadata.Book);
        Assert.Equal(("Schubert, Franz", "Müller, Wilhelm", "Liszt, Franz"), (metadata.Composer, metadata.Lyricist, metadata.Arranger));
        Assert.Equal("movement: 1", metadata.Notes);
    }

    [Fact]
    public void A_quartet_movement_has_its_group_as_collection_and_its_nickname_as_alternative_title()
    {
        // The records of the CCARH Haydn quartets (shared data kern/humdrum_quartets/haydn/kern/op50n6-03.krn): OPT is the
        // nickname there, not the parent work; GTL names the set of six.
        const string movement = "!!!COM: Haydn, Franz Joseph\n!!!OTL: String Quartet in D Major\n!!!OPS: Opus 50\n!!!ONM: No. 6\n!!!OMV: 3\n"
            + "!!!GTL: 6 Quartetti (\"Prussian\")\n!!!OPT: The Frog\n**kern\n*M3/4\n=1\n2.d\n==\n*-\n";

        var metadata = ImportedMetadata(movement);

        Assert.Equal("String Quartet in D Major", metadata.Title);
        Assert.Equal(["The Frog"], metadata.AlternativeTitles);
        Assert.Equal("6 Quartetti (\"Prussian\")", metadata.Book);
        Assert.Equal("opus: Opus 50\nnumber: No. 6\nmovement: 3", metadata.Notes);
    }

    [Fact]
    public void Chords_tuplets_and_a_split_spine_are_written()
    {
        var conversion = KernConverter.Convert(File.ReadAllBytes(Samples.PathOf(Scarlatti)));

        // The left hand (first spine) splits into two voices for bars 10-14; the right hand comes first, as the top staff.
        Assert.Equal(3, conversion.VoiceCount);
        Assert.Contains("%%score 1 (2 3)\n", conversion.Abc);
        Assert.Contains("[G,B,D]4", conversion.Abc); // "2G 2B 2d": a half-note chord
        Assert.Contains("(3:2:3", conversion.Abc); // "12bL 12cc 12ddJ": triplet eighths
        Assert.Contains("[V:3]", conversion.Abc);
    }

    [Fact]
    public void Ties_and_accidentals_are_kept()
    {
        var abc = KernConverter.ToAbc("**kern\n*k[b-]\n*M4/4\n=1\n2B-[\n4B-]\n4e-\n=2\n1cn\n==\n*-\n"u8.ToArray());

        Assert.Contains("K:F\n", abc);
        Assert.Contains("B,4- B,2 _E2|C8|]", abc);
    }

    [Theory]
    [InlineData("upload", ScoreFileFormat.Kern)]
    [InlineData("song.krn", ScoreFileFormat.Kern)]
    public void Kern_is_told_by_its_extension_or_its_spines(string fileName, ScoreFileFormat format)
    {
        Assert.Equal(format, ScoreFormatDetector.Detect(fileName, File.ReadAllBytes(Samples.PathOf(Joplin))));
        Assert.Equal(ScoreFileFormat.Kern, ScoreFormatDetector.Detect("upload", "**kern\t**kern\n4c\t4e\n*-\t*-\n"u8));
    }

    private static TuneMetadata ImportedMetadata(string kern) =>
        Assert.Single(new ScoreImporter().Import("score.krn", System.Text.Encoding.UTF8.GetBytes(kern)).Succeeded).Metadata;
}
