namespace Clamp.Training.Loop;

/// <summary>
/// Deterministic batches for one epoch: a seeded shuffle, then scores of similar length grouped together (within
/// windows of 50 batches) so that little is padded, then the batches shuffled.
/// </summary>
public static class BatchSampler
{
    public static IReadOnlyList<int[]> Batches(IReadOnlyList<int> lengths, int batchSize, Random random)
    {
        var order = Enumerable.Range(0, lengths.Count).ToArray();
        random.Shuffle(order);
        var window = batchSize * 50;
        var batches = new List<int[]>();
        for (var start = 0; start < order.Length; start += window)
        {
            var sorted = order.Skip(start).Take(window).OrderBy(i => lengths[i]).ToArray();
            batches.AddRange(sorted.Chunk(batchSize));
        }

        var shuffled = batches.ToArray();
        random.Shuffle(shuffled);
        return shuffled;
    }
}
