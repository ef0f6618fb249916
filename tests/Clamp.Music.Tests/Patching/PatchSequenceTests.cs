using Clamp.Music.Patching;

namespace Clamp.Music.Tests.Patching;

public class PatchSequenceTests
{
    private static readonly PatchSequence Patches = BarPatcher.For(PatchScheme.Clamp1).Patch("K:D\n|:DEFG|ABcd:|\n");

    [Fact]
    public void Rows_are_the_field_line_the_bars_and_the_end_of_sequence()
    {
        Assert.Equal(4, Patches.Count);
        Assert.Equal(["K:D", "|:DEFG|", "ABcd:|", ""], Enumerable.Range(0, Patches.Count).Select(Patches.RowText));
        Assert.Equal(Enumerable.Repeat(PatchVocabulary.EndOfPatch, 64), Patches.Row(3).ToArray());
        Assert.Equal(Patches.Ids, Patches.Rows().SelectMany(row => row));
    }

    [Fact]
    public void Ids_widen_to_int64_for_the_encoder()
    {
        Assert.Equal(Patches.Ids.Select(id => (long)id), Patches.ToInt64());
    }

    [Fact]
    public void Ids_that_are_not_whole_patches_and_rows_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new PatchSequence(new byte[65]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Patches.Row(4).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => Patches.Row(-1).Length);
    }

    [Theory]
    [InlineData("clamp1", PatchScheme.Clamp1)]
    [InlineData("line-bars", PatchScheme.LineBars)]
    [InlineData("LineBars", PatchScheme.LineBars)]
    public void Scheme_names_round_trip(string name, PatchScheme scheme)
    {
        Assert.Equal(scheme, BarPatcher.ParseScheme(name));
        Assert.Equal(scheme, BarPatcher.ParseScheme(BarPatcher.NameOf(scheme)));
        Assert.Equal(scheme, BarPatcher.For(scheme).Scheme);
    }

    [Fact]
    public void Unknown_scheme_names_are_refused()
    {
        Assert.Throws<ArgumentException>(() => BarPatcher.ParseScheme("clamp2"));
    }
}
