using Clamp.Evaluation;

namespace Clamp.Evaluation.Tests;

public sealed class StratifiedFoldsTests
{
    private static readonly string[] Labels =
        [.. Enumerable.Repeat("jig", 10), .. Enumerable.Repeat("reel", 7), .. Enumerable.Repeat("waltz", 3), "air"];

    [Fact]
    public void Every_label_is_spread_evenly_over_the_folds_and_the_folds_are_balanced()
    {
        var folds = StratifiedFolds.Assign(Labels, 5, seed: 0);

        Assert.All(folds, f => Assert.InRange(f, 0, 4));
        foreach (var label in Labels.Distinct())
        {
            var perFold = Enumerable.Range(0, 5).Select(f => Labels.Where((l, i) => l == label && folds[i] == f).Count()).ToList();
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"{label}: {string.Join(",", perFold)}");
        }

        var sizes = Enumerable.Range(0, 5).Select(f => folds.Count(x => x == f)).ToList();
        Assert.True(sizes.Max() - sizes.Min() <= 1, string.Join(",", sizes));
    }

    [Fact]
    public void A_label_with_fewer_items_than_folds_lands_in_distinct_folds()
    {
        var folds = StratifiedFolds.Assign(Labels, 5, seed: 3);

        var waltzFolds = Labels.Select((l, i) => (l, i)).Where(p => p.l == "waltz").Select(p => folds[p.i]).ToList();
        Assert.Equal(3, waltzFolds.Distinct().Count());
    }

    [Fact]
    public void The_same_seed_gives_the_same_folds_and_another_seed_other_folds()
    {
        Assert.Equal(StratifiedFolds.Assign(Labels, 5, seed: 7), StratifiedFolds.Assign(Labels, 5, seed: 7));
        Assert.NotEqual(StratifiedFolds.Assign(Labels, 5, seed: 7), StratifiedFolds.Assign(Labels, 5, seed: 8));
    }

    [Fact]
    public void Fewer_than_two_folds_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedFolds.Assign(Labels, 1, seed: 0));
}
