using Clamp.Inference.Batching;

namespace Clamp.Inference.Tests.Batching;

public sealed class BatchPlannerTests
{
    [Fact]
    public void Items_are_grouped_by_length_within_the_padded_budget()
    {
        int[] costs = [10, 200, 12, 190, 11, 205];

        var groups = BatchPlanner.Plan(costs, budget: 600, batchOverhead: 64);

        // {190, 200, 205} would pad to 615 > 600; {190} + {200, 205} costs 190 + 410 + 2 x 64 = 728,
        // {190, 200} + {205} 400 + 205 + 128 = 733.
        Assert.Equal([[0, 4, 2], [3], [1, 5]], groups);
    }

    [Fact]
    public void A_long_item_does_not_pad_short_ones_when_a_second_batch_is_cheaper()
    {
        var groups = BatchPlanner.Plan([1, 1, 100, 1, 1], budget: 1000, batchOverhead: 10);

        Assert.Equal([[0, 1, 3, 4], [2]], groups);
    }

    [Fact]
    public void A_large_batch_overhead_keeps_items_together_despite_padding()
    {
        var groups = BatchPlanner.Plan([1, 1, 100, 1, 1], budget: 1000, batchOverhead: 1000);

        Assert.Equal([[0, 1, 3, 4, 2]], groups);
    }

    [Fact]
    public void An_item_over_the_budget_runs_alone()
    {
        var groups = BatchPlanner.Plan([5, 1000, 6], budget: 100);

        Assert.Equal([[0, 2], [1]], groups);
    }

    [Fact]
    public void The_item_limit_cuts_batches_of_cheap_items()
    {
        var groups = BatchPlanner.Plan(Enumerable.Repeat(1, 10).ToArray(), budget: 1000, maxItems: 4);

        Assert.Equal([4, 4, 2], groups.Select(g => g.Length));
    }

    [Fact]
    public void Random_plans_cover_every_item_once_and_keep_to_the_budget()
    {
        var random = new Random(11);
        for (var round = 0; round < 200; round++)
        {
            var costs = Enumerable.Range(0, random.Next(0, 60)).Select(_ => random.Next(1, 300)).ToArray();
            var budget = random.Next(1, 2000);

            var groups = BatchPlanner.Plan(costs, budget, maxItems: 16);

            Assert.Equal(Enumerable.Range(0, costs.Length), groups.SelectMany(g => g).Order());
            Assert.All(groups, g =>
            {
                Assert.InRange(g.Length, 1, 16);
                Assert.True(g.Length == 1 || g.Length * g.Max(i => costs[i]) <= budget);
                Assert.Equal(g.Select(i => costs[i]).Order(), g.Select(i => costs[i]));
            });
        }
    }

    [Fact]
    public void Run_maps_results_back_to_input_order()
    {
        string[] items = ["ccc", "a", "bb", "dddd", "e"];
        var batches = new List<string[]>();

        var results = BatchPlanner.Run(items, s => s.Length, budget: 4, run: batch =>
        {
            batches.Add(batch.ToArray());
            return batch.Select(s => s.ToUpperInvariant()).ToArray();
        });

        Assert.Equal(["CCC", "A", "BB", "DDDD", "E"], results);
        Assert.Equal([["a", "e"], ["bb"], ["ccc"], ["dddd"]], batches);
    }
}
