using Clamp.Music.Analysis;
using Clamp.Music.Tests.Support;
using FsCheck.Fluent;

namespace Clamp.Music.Tests.Analysis;

/// <summary><see cref="ScoreFacts"/> and <see cref="ScoreSentences"/> never throw, whatever the text.</summary>
public class ScoreFactsRobustnessTests
{
    [Theory]
    [InlineData("")]
    [InlineData("[[[[")]
    [InlineData("\"")]
    [InlineData("!!!+")]
    [InlineData("Z99999999999999|")]
    [InlineData("^^^^__==")]
    [InlineData("[K:")]
    [InlineData("[V:")]
    [InlineData("V:\nK:\nC,,,,,,,,,,,,,,,,,,,,,c''''''''''''''''''''")]
    [InlineData("%%score ((((\n[V:1]]]]]|||::::")]
    [InlineData("\"C\"\"\"\"Am7\"[CEG")]
    public void Odd_text_gives_facts_without_throwing(string musicText)
    {
        var facts = ScoreFacts.From(new TuneMetadata(), musicText);

        Assert.NotNull(ScoreSentences.Describe(facts, new Random(1)));
    }

    [Fact]
    public void Missing_input_gives_no_facts()
    {
        Assert.Empty(ScoreSentences.Describe(ScoreFacts.From(null, null), new Random(1)));
        Assert.Empty(ScoreSentences.Describe(ScoreFacts.None, new Random(1)));
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public FsCheck.Property Random_abc_like_text_never_throws() =>
        Prop.ForAll(AbcGenerators.Music(), text =>
        {
            var facts = ScoreFacts.From(new TuneMetadata(), text);
            return ScoreSentences.Describe(facts, new Random(text.Length)).All(s => s.Length > 0);
        });
}
