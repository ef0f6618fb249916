using System.Text;
using Clamp.Music.Patching;
using Clamp.Music.Tests.Support;

namespace Clamp.Music.Tests.Import;

/// <summary>The single entry point from a file to tunes, on the committed real samples of every format.</summary>
public class ScoreImporterTests
{
    private readonly ScoreImporter _importer = new();

    [Fact]
    public void Abc_file_gives_each_of_its_tunes()
    {
        var import = _importer.Import(Samples.PathOf("abc/oneills-0001-0005.abc"));

        Assert.Equal(ScoreFileFormat.Abc, import.Format);
        Assert.Equal(5, import.Succeeded.Count());
        Assert.Empty(import.Failures);
    }

    [Theory]
    [InlineData("musicxml/bwv67.4.xml", ScoreFileFormat.MusicXml)]
    [InlineData("musicxml/bwv66.6.mxl", ScoreFileFormat.CompressedMusicXml)]
    [InlineData("musicxml/Le_temps_des_cerises.mxl", ScoreFileFormat.CompressedMusicXml)]
    [InlineData("midi/pop909-001.mid", ScoreFileFormat.Midi)]
    public void MusicXml_and_midi_become_one_tune_with_metadata_kept_out_of_the_music(string sample, ScoreFileFormat format)
    {
        var import = _importer.Import(Samples.PathOf(sample));

        Assert.Equal(format, import.Format);
        var tune = Assert.Single(import.Succeeded);
        Assert.Contains("\nK:", "\n" + tune.MusicText);
        Assert.DoesNotContain("\nT:", "\n" + tune.MusicText);
        Assert.True(BarPatcher.For(PatchScheme.Clamp1).Patch(tune.MusicText).Count > 2);
    }

    [Fact]
    public void The_format_is_told_by_content_before_the_file_name()
    {
        var midi = File.ReadAllBytes(Samples.PathOf("midi/pop909-001.mid"));
        var mxl = File.ReadAllBytes(Samples.PathOf("musicxml/bwv66.6.mxl"));
        var xml = File.ReadAllBytes(Samples.PathOf("musicxml/bwv67.4.xml"));

        Assert.Equal(ScoreFileFormat.Midi, ScoreFormatDetector.Detect("song.abc", midi));
        Assert.Equal(ScoreFileFormat.CompressedMusicXml, ScoreFormatDetector.Detect("upload", mxl));
        Assert.Equal(ScoreFileFormat.MusicXml, ScoreFormatDetector.Detect("upload", xml));
        Assert.Equal(ScoreFileFormat.Abc, ScoreFormatDetector.Detect("upload", "X:1\nK:G\nGABc|\n"u8));
        Assert.Null(ScoreFormatDetector.Detect("notes.pdf", "%PDF-1.4"u8));
    }

    [Fact]
    public void A_file_over_the_size_limit_fails_with_a_clear_error()
    {
        var importer = new ScoreImporter(new ScoreImportOptions { MaxInputBytes = 1000 });

        var import = importer.Import(Samples.PathOf("abc/oneills-0001-0005.abc"));

        var error = Assert.Single(import.Failures);
        Assert.Equal("import.too-large", error.Code);
        Assert.Contains("over the limit of 1,000", error.Message);
    }

    [Fact]
    public void An_unknown_format_fails_with_a_clear_error()
    {
        var error = Assert.Single(_importer.Import("scan.pdf", "%PDF-1.4 binary"u8.ToArray()).Failures);

        Assert.Equal("import.unknown-format", error.Code);
    }

    [Fact]
    public void Broken_musicxml_fails_as_its_own_typed_error()
    {
        var error = Assert.Single(_importer.Import("score.musicxml", "<score-partwise><part"u8.ToArray()).Failures);

        Assert.StartsWith("musicxml", error.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void Tunes_over_the_tune_limit_fail_and_the_first_ones_are_read()
    {
        var importer = new ScoreImporter(new ScoreImportOptions { MaxTunes = 3 });

        var import = importer.Import(Samples.PathOf("abc/oneills-0001-0005.abc"));

        Assert.Equal(3, import.Succeeded.Count());
        Assert.Equal("import.too-many-tunes", Assert.Single(import.Failures).Code);
    }

    [Fact]
    public void Latin1_and_utf8_with_bom_are_both_decoded()
    {
        var latin1 = Encoding.Latin1.GetBytes("X:1\nT:Caf\u00e9\nK:G\nGABc|\n");
        var utf8 = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("X:1\nT:Caf\u00e9\nK:G\nGABc|\n")).ToArray();

        Assert.Equal("Caf\u00e9", Assert.Single(_importer.Import("a.abc", latin1).Succeeded).Metadata.Title);
        Assert.Equal("Caf\u00e9", Assert.Single(_importer.Import("b.abc", utf8).Succeeded).Metadata.Title);
    }
}
