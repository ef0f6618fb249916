using Clamp.Music.Analysis;

namespace Clamp.Music.Tests.Analysis;

/// <summary><see cref="ScoreSentences"/>: one sentence per known fact, varied but reproducible.</summary>
public class ScoreSentencesTests
{
    private static readonly ScoreFacts Jig = ScoreFacts.From(AnalysisSamples.RepositoryAbc("jigs.abc", "The American Dwarf"));

    [Fact]
    public void Every_known_fact_gets_one_sentence()
    {
        var sentences = ScoreSentences.Describe(Jig, new Random(7));

        // meter, key, length, range, harmony, parts, texture, density: no tempo is known.
        Assert.Equal(8, sentences.Count);
        Assert.All(sentences, s => Assert.EndsWith(".", s));
        Assert.Contains(sentences, s => s.Contains("6/8", StringComparison.Ordinal));
        Assert.Contains(sentences, s => s.Contains("D major", StringComparison.Ordinal));
        Assert.Contains(sentences, s => s.Contains("18 bars", StringComparison.Ordinal));
        Assert.Contains(sentences, s => s.Contains("D4", StringComparison.Ordinal) && s.Contains("B5", StringComparison.Ordinal)
                                        && s.Contains("an octave and a sixth", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_seed_gives_the_same_text_and_seeds_vary_it()
    {
        var first = ScoreSentences.Describe(Jig, new Random(3));

        Assert.Equal(first, ScoreSentences.Describe(Jig, new Random(3)));
        Assert.True(Enumerable.Range(0, 20).Select(seed => string.Join(' ', ScoreSentences.Describe(Jig, new Random(seed)))).Distinct().Count() > 5);
    }

    [Fact]
    public void Parts_are_named_and_grouped()
    {
        var facts = new ScoreFacts { Parts = 4, Voices = 4, PartNames = ["Violin I", "Violin II", "Viola", "Violoncello"] };

        var sentence = Assert.Single(ScoreSentences.Describe(facts, new Random(0)));

        Assert.EndsWith("four parts: two violins, viola and cello.", sentence);
    }

    [Theory]
    [InlineData(7, "a fifth")]
    [InlineData(12, "an octave")]
    [InlineData(21, "an octave and a sixth")]
    [InlineData(26, "two octaves and a tone")]
    public void Spans_are_said_as_intervals(int semitones, string words)
    {
        var low = new Pitch('C', 0, 4);
        var high = new Pitch('C', 0, 4) with { Octave = 4 + (semitones / 12) };
        var facts = new ScoreFacts { Range = new PitchRange(low, high), Voices = 1 };
        facts = facts with { Range = new PitchRange(low, Shift(high, semitones % 12)) };

        Assert.Contains(words, Assert.Single(ScoreSentences.Describe(facts, new Random(0))), StringComparison.Ordinal);
    }

    /// <summary>A pitch a few semitones above a C, spelled with sharps.</summary>
    private static Pitch Shift(Pitch c, int semitones)
    {
        var (letter, alter) = semitones switch
        {
            0 => ('C', 0), 1 => ('C', 1), 2 => ('D', 0), 3 => ('D', 1), 4 => ('E', 0), 5 => ('F', 0),
            6 => ('F', 1), 7 => ('G', 0), 8 => ('G', 1), 9 => ('A', 0), 10 => ('A', 1), _ => ('B', 0),
        };
        return c with { Letter = letter, Alter = alter };
    }
}
