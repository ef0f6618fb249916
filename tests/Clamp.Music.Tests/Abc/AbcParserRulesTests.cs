using Clamp.Music.Abc;

namespace Clamp.Music.Tests.Abc;

/// <summary>The parser's rules, each on a small tune written for the rule.</summary>
public class AbcParserRulesTests
{
    [Fact]
    public void Text_fields_lyrics_and_comments_are_removed_from_the_music()
    {
        const string abc = """
            X:3
            T:The Title
            C:Someone
            R:reel
            O:Ireland
            S:A book
            N:a note
            Z:transcriber
            %%MIDI program 1
            M:4/4 % common time
            L:1/8
            Q:1/4=120
            K:D % the key
            |:ABcd efga|[r:remark]bagf edcB:| % a comment
            w:la la la
            W:Words after the tune
            """;

        var tune = AbcParser.ParseTune(abc);

        Assert.Equal("M:4/4\nL:1/8\nQ:1/4=120\nK:D\n|:ABcd efga|bagf edcB:|", tune.MusicText);
        Assert.Equal("reel", tune.Metadata.Rhythm);
        Assert.Equal("Ireland", tune.Metadata.Origin);
        Assert.Equal("Someone", tune.Metadata.Composer);
        Assert.Equal("la la la\nWords after the tune", tune.Metadata.Lyrics);
        Assert.Equal(["remark"], tune.Metadata.Fields["r"]);
    }

    [Fact]
    public void Titles_credits_book_and_aligned_lyrics_are_read_into_their_fields()
    {
        const string abc = """
            X:1
            T:The Foggy Dew
            T:An Drúcht Ceoch
            C:Trad.
            N:lyricist: Canon Charles O'Neill
            N:Arranger: A. Player
            N:A rebel song
            B:Songs of Ireland
            S:A singer in Cork
            O:Ireland
            R:Air
            M:3/4
            L:1/8
            K:G
            G2 AB|c4 d2|
            w:As down the glen one_ East-er morn
            w:To a ci-ty * fair rode \- I|
            W:Second verse, as written
            """;

        var metadata = AbcParser.ParseTune(abc).Metadata;

        Assert.Equal("The Foggy Dew", metadata.Title);
        Assert.Equal(["An Drúcht Ceoch"], metadata.AlternativeTitles);
        Assert.Equal(("Trad.", "Canon Charles O'Neill", "A. Player"), (metadata.Composer, metadata.Lyricist, metadata.Arranger));
        Assert.Equal("A rebel song", metadata.Notes);
        Assert.Equal(("Songs of Ireland", "A singer in Cork", "Ireland", "air"), (metadata.Book, metadata.Source, metadata.Origin, metadata.Rhythm));
        Assert.Equal("As down the glen one Easter morn\nTo a city fair rode - I\nSecond verse, as written", metadata.Lyrics);
    }

    [Fact]
    public void Escaped_percent_and_percent_inside_quotes_are_not_comments()
    {
        var tune = AbcParser.ParseTune("X:1\nK:C\n\"50%\"C2 D2 \\% E2|% gone\n");

        Assert.Equal("K:C\n\"50%\"C2 D2 \\% E2|", tune.MusicText);
    }

    [Fact]
    public void Field_continuations_join_metadata_and_follow_musical_fields()
    {
        var tune = AbcParser.ParseTune("X:1\nT:A long\n+:title\nN:first\nK:G\nGABc|\n");

        Assert.Equal("A long title", tune.Metadata.Title);
        Assert.Equal("K:G\nGABc|", tune.MusicText);
    }

    [Fact]
    public void Line_continuations_decorations_and_chords_are_kept_as_written()
    {
        const string body = "!trill!A2 \"Am\"[ACe]2 +fermata+B2 {g}A2|\\\nB4 z4|]";
        var tune = AbcParser.ParseTune($"X:1\nK:Am\n{body}\n");

        Assert.Equal($"K:Am\n{body}", tune.MusicText);
    }

    [Fact]
    public void Field_values_are_written_without_padding()
    {
        var tune = AbcParser.ParseTune("X: 248\nM: 6/8\nL: 1/16\nK: F\nC2 | F2F2F2A2F2A2 |\n");

        Assert.Equal("M:6/8\nL:1/16\nK:F\nC2 | F2F2F2A2F2A2 |", tune.MusicText);
        Assert.Equal("248", tune.Metadata.ReferenceNumber);
    }

    [Fact]
    public void Non_ascii_music_is_folded_to_ascii()
    {
        var tune = AbcParser.ParseTune("X:1\nT:Café\nK:C\n\"^Très doux\"C2 D2|\n");

        Assert.Equal("K:C\n\"^Tres doux\"C2 D2|", tune.MusicText);
        Assert.Equal("Café", tune.Metadata.Title);
    }

    [Fact]
    public void File_header_fields_apply_to_every_tune()
    {
        const string abc = "% a collection\nL:1/8\nB:The Book\n\nX:1\nT:One\nK:G\nGABc|\n\nX:2\nT:Two\nB:Own book\nK:D\nDEFG|\n";
        var tunes = AbcParser.ParseFile(abc).Select(r => r.Tune!).ToList();

        Assert.Equal("L:1/8\nK:G\nGABc|", tunes[0].MusicText);
        Assert.Equal("The Book", tunes[0].Metadata.Book);
        Assert.Equal("Own book", tunes[1].Metadata.Book);
        Assert.Equal("1/8", tunes[1].Metadata.UnitLength);
    }

    [Fact]
    public void The_meter_is_the_one_in_force_at_the_first_bar()
    {
        // Nottingham's "A and D" (jigs.abc): 4/4 in the header, 6/8 after K: before the music, 9/8 later on.
        const string abc = "X: 1\nT:A and D\nM:4/4\nK:A\nM:6/8\nP:A\nf|\"A\"ecc c2f|\"A\"ecc c2f|\nM:9/8\nABc ABc ABc|\n";
        var tune = AbcParser.ParseTune(abc);

        Assert.Equal("6/8", tune.Metadata.Meter);
        Assert.Equal(["4/4", "6/8", "9/8"], tune.Metadata.Fields["M"]);
        Assert.Equal("A major", tune.Metadata.Key);
        Assert.StartsWith("M:4/4\nK:A\nM:6/8\n", tune.MusicText);
    }

    [Fact]
    public void A_meter_change_inside_the_music_does_not_change_the_tune_meter()
    {
        var tune = AbcParser.ParseTune("X:1\nM:3/4\nK:G\nG2 A2 B2|\nM:2/4\nG2 A2|\n");

        Assert.Equal("3/4", tune.Metadata.Meter);
    }

    [Fact]
    public void A_text_without_reference_numbers_is_one_tune()
    {
        var tune = AbcParser.ParseTune("T:Untitled\nM:3/4\nK:Em\nE2 G2 B2|\n");

        Assert.Equal("Untitled", tune.Metadata.Title);
        Assert.Equal("E minor", tune.Metadata.Key);
        Assert.Equal("3/4", tune.Metadata.Meter);
    }

    [Fact]
    public void Free_text_after_a_blank_line_is_left_out_with_a_warning()
    {
        var tune = AbcParser.ParseTune("X:1\nK:G\nGABc|dedB|\n\nThis tune was collected in 1900.\n");

        Assert.Equal("K:G\nGABc|dedB|", tune.MusicText);
        Assert.Contains(tune.Warnings, w => w.StartsWith("line 5:", StringComparison.Ordinal));
    }

    [Fact]
    public void Music_after_a_blank_line_followed_by_a_field_is_kept()
    {
        var tune = AbcParser.ParseTune("X:1\nK:G\nP:A\nGABc|\n\nP:B\ndefg|\n");

        Assert.Equal("K:G\nP:A\nGABc|\nP:B\ndefg|", tune.MusicText);
    }

    [Fact]
    public void A_stray_line_in_the_header_is_left_out()
    {
        var tune = AbcParser.ParseTune("X:1\nT:T\nN bars 13 |f2ed| marked\nZ:me\nK:G\nGABc|\n");

        Assert.Equal("K:G\nGABc|", tune.MusicText);
        Assert.Contains(tune.Warnings, w => w.StartsWith("line 3:", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_directives_are_kept_and_other_directives_dropped()
    {
        var tune = AbcParser.ParseTune("X:1\n%%score (1 2)\n%%pagewidth 20cm\nV:1\nV:2\nK:C\n[V:1]C4|\n[V:2]E4|\n");

        Assert.Equal("%%score (1 2)\nV:1\nV:2\nK:C\n[V:1]C4|\n[V:2]E4|", tune.MusicText);
    }

    [Fact]
    public void Crlf_line_endings_read_like_lf()
    {
        var tune = AbcParser.ParseTune("X:1\r\nT:T\r\nK:G\r\nGABc|\r\n");

        Assert.Equal("K:G\nGABc|", tune.MusicText);
    }

    [Fact]
    public void Text_blocks_are_left_out_of_the_music()
    {
        var tune = AbcParser.ParseTune("X:1\nK:G\nGABc|\n%%begintext\nA story | about the tune\n%%endtext\ndedB|\n");

        Assert.Equal("K:G\nGABc|\ndedB|", tune.MusicText);
    }
}
