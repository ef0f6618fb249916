using System.Text;
using Clamp.Music.Abc;
using Clamp.Music.Kern;
using Clamp.Music.Midi;
using Clamp.Music.MusicXml;
using Clamp.Music.Tests.Support;

namespace Clamp.Music.Tests.Import;

/// <summary>
/// Every reader spends the importer's one parse budget per file, and a file that needs more fails with its reader's
/// <c>*.too-complex</c> code and the reason, never a hang, a crash or a result from a half-read file.
/// </summary>
[Trait("Suite", "Hostile")]
public class ParseBudgetTests
{
    /// <summary>A budget too small for any real sample: 1 work unit per input byte and nothing more.</summary>
    private static readonly ScoreImporter Tight = new(new ScoreImportOptions { ParseWorkAllowance = 1, ParseWorkPerInputByte = 1 });

    [Fact]
    public void The_importer_fails_a_score_over_the_budget_with_the_reason()
    {
        var import = Tight.Import(Samples.PathOf("abc/oneills-0001-0005.abc"));

        var error = Assert.Single(import.Failures);
        Assert.Equal("abc.too-complex", error.Code);
        Assert.Contains("too complex", error.Reason);
        Assert.Contains("work units", error.Reason);
        Assert.Empty(import.Succeeded);
    }

    [Theory]
    [InlineData("musicxml/bwv67.4.xml", "musicxml.too-complex")]
    [InlineData("musicxml/bwv66.6.mxl", "musicxml.too-complex")]
    [InlineData("midi/pop909-001.mid", "midi.too-complex")]
    [InlineData("kern/rosebud.krn", "kern.too-complex")]
    public void Each_converter_fails_a_score_over_the_budget_with_its_too_complex_code(string sample, string code)
    {
        var content = File.ReadAllBytes(Samples.PathOf(sample));
        var tiny = new ParseBudget(maxWork: 10, maxAllocatedBytes: long.MaxValue, Timeout.InfiniteTimeSpan);

        var error = Assert.Throws<ScoreReadException>(() => Path.GetExtension(sample) switch
        {
            ".mid" => MidiConverter.Convert(content, budget: tiny).Abc,
            ".krn" => KernConverter.Convert(content, budget: tiny).Abc,
            var extension => MusicXmlConverter.Convert(content, compressed: extension == ".mxl", budget: tiny).Abc,
        });

        Assert.Equal(code, error.Code);
        Assert.Contains("more than 10 work units", error.Reason);
    }

    [Fact]
    public void The_abc_parser_fails_a_tune_over_the_budget_with_the_tune_and_line()
    {
        // Enough to go over the text once (the lines are found) and to read a few lines of the first tune.
        var text = Samples.ReadText("abc/oneills-0001-0005.abc");
        var tiny = new ParseBudget(maxWork: text.Length + 60, maxAllocatedBytes: long.MaxValue, Timeout.InfiniteTimeSpan);

        var first = AbcParser.ParseFile(text, tiny)[0];

        Assert.Equal("abc.too-complex", first.Error?.Code);
        Assert.InRange(first.Error!.Line!.Value, 2, 10);
        Assert.Equal(0, first.Error.TuneIndex);
    }

    [Theory]
    [InlineData("abc/oneills-0001-0005.abc")]
    [InlineData("musicxml/bwv67.4.xml")]
    [InlineData("musicxml/Le_temps_des_cerises.mxl")]
    [InlineData("midi/pop909-001.mid")]
    [InlineData("kern/rosebud.krn")]
    public void Real_scores_are_read_well_within_the_default_budget(string sample)
    {
        // A quarter of the default per-byte allowance and no fixed allowance still reads every real sample.
        var importer = new ScoreImporter(new ScoreImportOptions { ParseWorkAllowance = 1, ParseWorkPerInputByte = new ScoreImportOptions().ParseWorkPerInputByte / 4 });

        var import = importer.Import(Samples.PathOf(sample));

        Assert.Empty(import.Failures);
        Assert.NotEmpty(import.Succeeded);
    }

    [Fact]
    public void A_read_past_its_deadline_fails_with_the_reason()
    {
        var importer = new ScoreImporter(new ScoreImportOptions { ParseTimeout = TimeSpan.Zero });

        var error = Assert.Single(importer.Import(Samples.PathOf("abc/oneills-0001-0005.abc")).Failures);

        Assert.Equal("abc.too-complex", error.Code);
        Assert.Contains("took longer than", error.Reason);
    }

    [Fact]
    public void A_read_that_allocates_past_its_memory_budget_fails_with_the_reason()
    {
        var importer = new ScoreImporter(new ScoreImportOptions { MaxParseAllocatedBytes = 64 * 1024 });

        var error = Assert.Single(importer.Import(Samples.PathOf("musicxml/bwv67.4.xml")).Failures);

        Assert.Equal("musicxml.too-complex", error.Code);
        Assert.Contains("allocated", error.Reason);
    }

    [Fact]
    public void Once_the_budget_is_spent_the_tune_being_read_fails_and_the_tunes_after_it_are_not_read()
    {
        // 1 MB of header fields shared by 5,000 tunes: each tune pays for its copy of the header, so the budget (linear
        // in the file's size) runs out after some tens of tunes instead of copying 5 GB.
        var content = HeaderSharedByTunes(headerBytes: 1_000_000, tunes: 5_000);
        var importer = new ScoreImporter();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var import = importer.Import("collection.abc", content);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var failure = Assert.Single(import.Failures);
        Assert.Equal("abc.too-complex", failure.Code);
        Assert.Equal(import.Tunes.Count - 1, failure.TuneIndex);
        Assert.InRange(import.Succeeded.Count(), 10, 200);
        // Reading every tune would copy the header 5,000 times (over 5 GB). What the tunes read before the budget ran out
        // allocate depends on the JIT tier the reader runs at: about 150 MB once tiered up, 730 MB measured cold (a
        // filtered run, where tier-0 code allocates what tier 1 keeps on the stack). The bound sits between the two cases.
        Assert.InRange(allocated, 0, 1_536L * content.Length);
    }

    [Fact]
    public void The_first_tune_alone_is_read_without_reading_the_others()
    {
        var content = HeaderSharedByTunes(headerBytes: 1_000_000, tunes: 5_000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var first = new ScoreImporter().ImportFirstTune("collection.abc", content);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(first.Succeeded, first.Error?.Message);
        Assert.Equal("Tune 1", first.Tune!.Metadata.Title);
        Assert.Equal("reel", first.Tune.Metadata.Rhythm);
        Assert.InRange(allocated, 0, 32L * content.Length); // reading all 5,000 tunes would allocate about 5,000 times more
    }

    [Fact]
    public void The_budget_counts_deterministically_and_stops_at_its_limit()
    {
        var budget = new ParseBudget(maxWork: 100, maxAllocatedBytes: long.MaxValue, Timeout.InfiniteTimeSpan);

        budget.Spend(60);
        budget.Spend(40);
        var spent = Assert.Throws<ParseBudgetExceededException>(() => budget.Spend(1));

        Assert.Equal(101, budget.Spent);
        Assert.Equal("abc.too-complex", spent.ToReadException("abc", tuneIndex: 2, line: 7).Code);
        Assert.StartsWith("tune 3, line 7: the score is too complex", spent.ToReadException("abc", 2, 7).Message);
    }

    [Fact]
    public void The_parser_called_directly_is_bounded_by_the_default_budget_for_its_text()
    {
        var text = Encoding.UTF8.GetString(HeaderSharedByTunes(headerBytes: 1_000_000, tunes: 5_000));

        var results = AbcParser.ParseFile(text);

        Assert.Equal("abc.too-complex", results[^1].Error?.Code);
        Assert.True(results.Count < 5_000);
    }

    /// <summary>A header of R: fields (they apply to every tune) about <paramref name="headerBytes"/> long, then short tunes.</summary>
    private static byte[] HeaderSharedByTunes(int headerBytes, int tunes)
    {
        var text = new StringBuilder("R:reel\n");
        while (text.Length < headerBytes)
        {
            text.Append("R:reel\n");
        }

        text.Append('\n');
        for (var i = 1; i <= tunes; i++)
        {
            text.Append($"X:{i}\nT:Tune {i}\nK:G\nGABc dedB|\n\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
