using Clamp.Music.Abc;

namespace Clamp.Music.Tests.Abc;

/// <summary>Bad tunes fail alone, with a code, the tune and the line; the others in the file are read.</summary>
public class AbcParserFailureTests
{
    [Fact]
    public void A_tune_without_music_fails_and_its_neighbours_are_read()
    {
        var results = AbcParser.ParseFile("X:1\nK:G\nGABc|\n\nX:2\nT:Only a header\nK:D\n\nX:3\nK:A\nABcd|\n");

        Assert.Equal([true, false, true], results.Select(r => r.Succeeded));
        var error = results[1].Error!;
        Assert.Equal("abc.no-body", error.Code);
        Assert.Equal(1, error.TuneIndex);
        Assert.Equal(5, error.Line);
        Assert.StartsWith("tune 2, line 5:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_without_notes_fails()
    {
        var error = Assert.Single(AbcParser.ParseFile("X:1\nK:G\nz4|z4|\"Am\"z4|\n")).Error!;

        Assert.Equal("abc.no-notes", error.Code);
    }

    [Fact]
    public void Binary_content_fails_with_its_line()
    {
        var error = Assert.Single(AbcParser.ParseFile("X:1\nK:G\nGA\u0000Bc|\n")).Error!;

        Assert.Equal("abc.not-text", error.Code);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_file_with_no_tune_fails_once()
    {
        var error = Assert.Single(AbcParser.ParseFile("% only a comment\n\n")).Error!;

        Assert.Equal("abc.no-tunes", error.Code);
    }

    [Fact]
    public void Parse_tune_throws_the_typed_error()
    {
        var error = Assert.Throws<ScoreReadException>(() => AbcParser.ParseTune("X:1\nT:nothing\n"));

        Assert.Equal("abc.no-body", error.Code);
    }
}
