using System.Text;
using Clamp.Music.Abc;
using Clamp.Music.Tests.Support;

namespace Clamp.Music.Tests.Abc;

/// <summary>
/// Generated pathological ABC (long digit runs, continuation floods, long lines, many header fields, many tunes, a
/// large file header shared by many tunes): reading 8 times the input may cost about 8 times the time and memory,
/// never 64 times. Measured as ratios (<see cref="Growth"/>), never against the clock.
/// </summary>
[Trait("Suite", "Hostile")]
[Collection(GrowthCollection.Name)]
public class AbcGrowthTests
{
    [Theory]
    [InlineData("M:", "1")]
    [InlineData("M:", "1+")]
    [InlineData("L:", "1")]
    [InlineData("Q:", "1")]
    [InlineData("Q:", "=1")]
    public void A_long_digit_run_in_a_meter_length_or_tempo_field_takes_linear_time(string field, string unit)
    {
        var ratio = Growth.TimeRatio(n => $"X:1\n{field}{Repeat(unit, n)}x\nK:C\nCDEF|\n", Parse, 2_000);

        Assert.InRange(ratio, 0, Growth.LinearLimit);
    }

    [Theory]
    [InlineData("T:title\n", "+:and more words\n")]
    [InlineData("K:C\nCDEF|\nM:3/4\n", "+:3/4\n")]
    [InlineData("K:C\nCDEF|\nN:a note\n", "+:and more words\n")]
    public void Continuation_lines_cost_linear_memory(string before, string continuation)
    {
        var ratio = Growth.AllocationRatio(n => $"X:1\n{before}{Repeat(continuation, n)}K:C\nCDEF|\n", Parse, 500);

        Assert.InRange(ratio, 0, Growth.LinearLimit);
    }

    [Theory]
    [InlineData("CDEF|")]
    [InlineData("[a:")]
    [InlineData("\"")]
    [InlineData("%")]
    public void A_long_line_costs_linear_time(string unit)
    {
        var ratio = Growth.TimeRatio(n => $"X:1\nK:C\nCDEF|{Repeat(unit, n)}\n", Parse, 2_000);

        Assert.InRange(ratio, 0, Growth.LinearLimit);
    }

    [Fact]
    public void Many_header_fields_in_the_file_and_the_tune_cost_linear_time()
    {
        var ratio = Growth.TimeRatio(n => $"{Repeat("R:reel\n", n)}\nX:1\n{Repeat("N:a note\n", n)}K:C\nCDEF|\n", Parse, 1_000);

        Assert.InRange(ratio, 0, Growth.LinearLimit);
    }

    [Fact]
    public void Many_tunes_cost_linear_memory()
    {
        var ratio = Growth.AllocationRatio(n => Repeat("X:1\nT:a tune\nM:6/8\nK:G\nGAB cde|\n\n", n), Parse, 200);

        Assert.InRange(ratio, 0, Growth.LinearLimit);
    }

    [Fact]
    public void A_file_header_shared_by_many_tunes_costs_linear_memory_to_import()
    {
        // The header's fields apply to every tune: n header fields times n tunes is n² of work, which the import
        // must refuse to do past its budget instead of doing it.
        var importer = new ScoreImporter();
        var ratio = Growth.AllocationRatio(
            n => Encoding.UTF8.GetBytes($"{Repeat("M:6/8\n", n)}\n{Repeat("X:1\nK:G\nGABc|\n\n", n)}"),
            content => importer.Import("header.abc", content),
            2_000);

        Assert.InRange(ratio, 0, Growth.LinearLimit);
    }

    [Fact]
    public void A_file_header_shared_by_many_tunes_costs_linear_memory_to_measure_before_it_is_cut_into_tune_texts()
    {
        var ratio = Growth.AllocationRatio(
            n => $"{Repeat("%%directive\n", n)}\n{Repeat("X:1\nK:G\nGABc|\n\n", n)}",
            text => AbcTuneTexts.Cut(text),
            300);

        Assert.InRange(ratio, 0, Growth.LinearLimit);
    }

    [Fact]
    public void The_measure_of_a_cut_is_the_size_of_the_tune_texts_it_makes()
    {
        var text = "%abc-2.1\nR:reel\n\nX:1\nT:One\nK:G\nGABc|\n\nX:2\nT:Deux é\nK:D\ndefg|\n";

        var cut = AbcTuneTexts.Cut(text);

        Assert.Equal(2, cut.Count);
        Assert.Equal("%abc-2.1\nR:reel\n\nX:2\nT:Deux é\nK:D\ndefg|\n", cut.Text(1));
        Assert.Equal(Encoding.UTF8.GetByteCount("%abc-2.1\nR:reel\n\n"), cut.HeaderBytes);
        Assert.Equal(AbcTuneTexts.Split(text).Sum(t => (long)Encoding.UTF8.GetByteCount(t)), cut.ExpandedBytes);
    }

    private static void Parse(string text) => AbcParser.ParseFile(text);

    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();
}
