using Clamp.Training.Loop;

namespace Clamp.Training.Tests.Training;

public sealed class TextDropoutTests
{
    private static readonly string[] Lines = ["Title: The Kesh", "Type: jig", "Meter: 6/8", "Key: G major", "Origin: Ireland"];

    [Fact]
    public void Keeps_at_least_one_line_and_only_given_lines()
    {
        var random = new Random(1);
        for (var i = 0; i < 500; i++)
        {
            var text = TextDropout.Apply(Lines, random);
            var kept = Lines.Where(text.Contains).ToList();
            Assert.NotEmpty(kept);
            Assert.Equal(text.Length, kept.Sum(l => l.Length) + kept.Count - 1);
        }
    }

    [Fact]
    public void Keeps_each_line_about_half_the_time()
    {
        var random = new Random(2);
        var texts = Enumerable.Range(0, 4000).Select(_ => TextDropout.Apply(Lines, random)).ToList();

        foreach (var line in Lines)
        {
            var share = texts.Count(t => t.Contains(line, StringComparison.Ordinal)) / (double)texts.Count;
            Assert.InRange(share, 0.45, 0.6);
        }
    }

    [Fact]
    public void Shuffles_the_kept_lines()
    {
        var random = new Random(3);
        var texts = Enumerable.Range(0, 500).Select(_ => TextDropout.Apply(Lines, random)).ToList();

        Assert.Contains(texts, t => t.IndexOf("Type", StringComparison.Ordinal) >= 0 && t.IndexOf("Title", StringComparison.Ordinal) > t.IndexOf("Type", StringComparison.Ordinal));
    }

    [Fact]
    public void Is_deterministic_for_a_seed()
    {
        Assert.Equal(Replay(20, 9), Replay(20, 9));
        Assert.NotEqual(Replay(20, 9), Replay(20, 10));
    }

    private static IEnumerable<string> Replay(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => TextDropout.Apply(Lines, random)).ToList();
    }
}
