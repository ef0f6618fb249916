using Clamp.Music.Patching;
using Clamp.Music.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Clamp.Music.Tests.Patching;

public class PatcherPropertyTests
{
    private static readonly IBarPatcher Clamp1 = BarPatcher.For(PatchScheme.Clamp1);
    private static readonly IBarPatcher LineBars = BarPatcher.For(PatchScheme.LineBars);

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public Property Clamp1_matches_the_reference_port_of_the_original_routine() =>
        Prop.ForAll(AbcGenerators.Music(), Gen.Choose(1, 40).ToArbitrary(), (text, maxPatches) =>
        {
            var expected = ReferenceClamp1Patcher.Encode(text, maxPatches);
            return Prop.When(expected is not null, () => expected!.SequenceEqual(Clamp1.Patch(text, maxPatches).Ids));
        });

    [Theory]
    [InlineData("|")]
    [InlineData("K:G\n||\n")]
    public void A_body_that_is_one_bar_line_is_one_bar(string text)
    {
        Assert.Null(ReferenceClamp1Patcher.Encode(text, 512)); // the original routine fails here
        var patches = Clamp1.Patch(text);

        Assert.Equal(text.Trim('\n').Split('\n')[^1], patches.RowText(patches.Count - 2));
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Every_scheme_gives_whole_patches_of_known_ids_ending_the_sequence() =>
        Prop.ForAll(AbcGenerators.Music(), Gen.Choose(1, 600).ToArbitrary(), (text, maxPatches) =>
            new[] { Clamp1, LineBars }.All(patcher =>
            {
                var patches = patcher.Patch(text, maxPatches);
                return patches.Count is > 0 && patches.Count <= maxPatches
                    && patches.Ids.Length == patches.Count * PatchVocabulary.PatchLength
                    && patches.Ids.All(id => id < PatchVocabulary.Size && id != PatchVocabulary.Mask)
                    && (patches.Count == maxPatches || patches.Row(patches.Count - 1).IndexOfAnyExcept(PatchVocabulary.EndOfPatch) < 0);
            }));

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Line_bars_loses_no_character() =>
        Prop.ForAll(AbcGenerators.DenseMusicText().ToArbitrary(), text =>
        {
            var patches = LineBars.Patch(text, int.MaxValue);
            var rows = Enumerable.Range(0, patches.Count - 1).Select(patches.RowText);
            return string.Concat(rows) == text.Replace("\n", "", StringComparison.Ordinal);
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Patching_is_the_same_from_a_string_and_from_a_span() =>
        Prop.ForAll(AbcGenerators.Music(), text =>
            Clamp1.Patch(text).Ids.SequenceEqual(Clamp1.Patch(text.AsSpan()).Ids));

    [Theory]
    [InlineData(PatchScheme.Clamp1)]
    [InlineData(PatchScheme.LineBars)]
    public void Non_ascii_text_is_folded_before_patching_as_unidecode_does(PatchScheme scheme)
    {
        var patcher = BarPatcher.For(scheme);

        Assert.Equal(patcher.Patch("T:Cafe\n\"^tres\"A2|").Ids, patcher.Patch("T:Caf\u00e9\n\"^tr\u00e8s\"A2|").Ids);
    }
}
