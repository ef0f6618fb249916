using System.Text;
using Clamp.Contracts.Messages;
using MassTransit;

namespace Clamp.Patching.Tests;

/// <summary>
/// A score that costs more than the importer's parse budget (<c>ScoreImport:ParseWork…</c>, made small here so that an
/// ordinary large tune exceeds it) is published as failed with its reason, like any unreadable score: the consumer
/// neither hangs nor faults on it, and goes on with the next score.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class TooComplexScoreTests(TooComplexScoreTests.TightBudgetHost host) : IClassFixture<TooComplexScoreTests.TightBudgetHost>
{
    [Fact]
    public async Task A_score_over_the_parse_budget_fails_with_its_reason_and_the_next_score_is_patched()
    {
        var tooComplex = Scores.Ingested("long.abc", Encoding.UTF8.GetBytes(LongTune(bars: 2_000)));
        var ordinary = Scores.Ingested("reel.abc", Scores.SampleTune("reels.abc", 0));

        await host.Probe.PublishAsync(tooComplex);
        await host.Probe.PublishAsync(ordinary);

        var failed = await host.Probe.WaitForAsync<ScoreFailed>(m => m.ScoreId == tooComplex.ScoreId);
        Assert.Equal(PipelineStage.Patching, failed.Stage);
        Assert.Equal("abc.too-complex", failed.Code);
        Assert.StartsWith("long.abc: ", failed.Reason);
        Assert.Contains("too complex", failed.Reason);
        await host.Probe.WaitForAsync<ScorePatched>(m => m.ScoreId == ordinary.ScoreId);
        Assert.DoesNotContain(host.Probe.Received<Fault<ScoreIngested>>(), f => f.Message.ScoreId == tooComplex.ScoreId);
    }

    private static string LongTune(int bars) =>
        $"X:1\nT:Long\nM:4/4\nL:1/8\nK:D\n{string.Concat(Enumerable.Repeat("DEFG ABcd|\n", bars))}";

    /// <summary>The patching service with a parse budget of 2,000 work units plus one per byte of the score.</summary>
    public sealed class TightBudgetHost : PatchingHost
    {
        protected override void Configure(Dictionary<string, string?> configuration)
        {
            configuration["ScoreImport:ParseWorkAllowance"] = "2000";
            configuration["ScoreImport:ParseWorkPerInputByte"] = "1";
        }
    }
}
