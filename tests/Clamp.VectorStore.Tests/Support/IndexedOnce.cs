using Clamp.Contracts.Messages;
using Clamp.Testing;

namespace Clamp.VectorStore.Tests.Support;

/// <summary>The end state every reliability test demands: each score indexed (and announced), none failed, no error queue.</summary>
public static class IndexedOnce
{
    public static async Task AssertAsync(IsolatedInfrastructure infrastructure, MessageProbe bus, IEnumerable<ScoreEmbedded> messages)
    {
        var expected = messages.Select(m => m.ScoreId).ToHashSet();
        // "Score indexed" follows each batch's commit, so the last few may still be on their way.
        await Eventually.TrueAsync(
            () => bus.Received<ScoreIndexed>().Select(m => m.ScoreId).ToHashSet().SetEquals(expected),
            "score indexed for each score", TimeSpan.FromSeconds(60));
        Assert.Empty(bus.Received<ScoreFailed>());
        var queues = await infrastructure.Platform.GetQueuesAsync(infrastructure.VirtualHost);
        Assert.DoesNotContain(queues, q => q.Name.EndsWith("_error", StringComparison.Ordinal) && q.Messages > 0);
    }
}
