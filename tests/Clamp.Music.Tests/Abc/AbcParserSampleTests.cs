using Clamp.Music.Abc;
using Clamp.Music.Tests.Support;

namespace Clamp.Music.Tests.Abc;

/// <summary>The parser on real tunes committed under Samples/abc.</summary>
public class AbcParserSampleTests
{
    [Fact]
    public void Multi_tune_file_gives_every_tune_with_its_metadata()
    {
        var results = AbcParser.ParseFile(Samples.ReadText("abc/oneills-0001-0005.abc"));

        Assert.Equal(5, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        var first = results[0].Tune!;
        Assert.Equal("1", first.Metadata.ReferenceNumber);
        Assert.Equal("The Enchanted Valley", first.Metadata.Title);
        Assert.Equal("2/4", first.Metadata.Meter);
        Assert.Equal("G minor", first.Metadata.Key);
        Assert.Equal("1/16", first.Metadata.UnitLength);
        Assert.Equal("\"O'Neill's 1\"", first.Metadata.Book);
        Assert.Contains("Very slow", first.Metadata.Notes);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => i.ToString()), results.Select(r => r.Tune!.Metadata.ReferenceNumber));
    }

    [Fact]
    public void Music_text_keeps_musical_fields_and_body_and_drops_text_fields()
    {
        var tune = AbcParser.ParseFile(Samples.ReadText("abc/oneills-0001-0005.abc"))[0].Tune!;
        var lines = tune.MusicText.Split('\n');

        Assert.Equal(["M:2/4", "L:1/16", "K:Gm"], lines[..3]);
        Assert.Equal("G3-A (Bcd=e) | f4 (g2dB) | ({d}c3-B) G2-E2 | F4 (D2=E^F) |", lines[3]);
        Assert.DoesNotContain(lines, l => l.Length > 1 && l[1] == ':' && l[0] is 'X' or 'T' or 'B' or 'N' or 'Z');
        Assert.DoesNotContain("Enchanted", tune.MusicText);
        Assert.DoesNotContain("Paap", tune.MusicText);
    }

    [Fact]
    public void Voices_are_listed_and_voice_fields_stay_in_the_music()
    {
        var tune = AbcParser.ParseTune(Samples.ReadText("abc/americanfife-voices.abc"));

        Assert.Equal(["1", "2"], tune.Metadata.Voices);
        Assert.Equal("Preston (1780)", tune.Metadata.Composer);
        Assert.Equal("2/2", tune.Metadata.Meter);
        Assert.Equal("D major", tune.Metadata.Key);
        Assert.Equal(12, tune.MusicText.Split('\n').Count(l => l is "V:1" or "V:2"));
        Assert.DoesNotContain("Campin", tune.MusicText);
    }

    [Fact]
    public void Inline_voice_fields_are_kept_and_comments_removed()
    {
        var tune = AbcParser.ParseTune(Samples.ReadText("abc/aird-book6-two-voices.abc"));

        Assert.Equal("A dorian", tune.Metadata.Key);
        Assert.Equal(["1", "2"], tune.Metadata.Voices);
        Assert.Equal("1/2=100", tune.Metadata.Tempo);
        Assert.Equal(100, tune.Metadata.BeatsPerMinute);
        Assert.StartsWith("[V:1] g|Ted`ef  g2 (f>e)|", tune.MusicText.Split('\n').First(l => l.StartsWith('[')));
        Assert.DoesNotContain("alternates", tune.MusicText);
    }
}
