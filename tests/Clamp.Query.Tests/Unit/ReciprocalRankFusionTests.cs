using Clamp.Contracts.Grpc;
using Clamp.Query.Search;

namespace Clamp.Query.Tests.Unit;

public sealed class ReciprocalRankFusionTests
{
    private static ScoreHit Hit(string id, params string[] matched)
    {
        var hit = new ScoreHit { ScoreId = id, Title = $"title of {id}" };
        hit.Matched.AddRange(matched);
        return hit;
    }

    [Fact]
    public void A_hand_checked_fusion_of_a_keyword_and_a_semantic_ranking()
    {
        // k = 60. keyword: A B C; semantic: C D A.
        // A: 1/61 + 1/63 = 0.032266   C: 1/63 + 1/61 = 0.032266 (tie: A's best rank 1 = C's best rank 1 -> by id)
        // B: 1/62 = 0.016129          D: 1/62 = 0.016129 (tie: best rank 2 both -> by id)
        IReadOnlyList<ScoreHit> keyword = [Hit("A", "title"), Hit("B", "lyrics"), Hit("C", "composer")];
        IReadOnlyList<ScoreHit> semantic = [Hit("C", "music"), Hit("D", "music"), Hit("A", "music")];

        var fused = ReciprocalRankFusion.Fuse([keyword, semantic], k: 60);

        Assert.Equal(["A", "C", "B", "D"], fused.Select(h => h.ScoreId));
        Assert.Equal(1.0 / 61 + 1.0 / 63, fused[0].Score, 6);
        Assert.Equal(1.0 / 62, fused[2].Score, 6);
        Assert.Equal(["title", "music"], fused[0].Matched);
        Assert.Equal(["composer", "music"], fused[1].Matched);
        Assert.Equal(["lyrics"], fused[2].Matched);
        Assert.Equal("title of A", fused[0].Title);
    }

    [Fact]
    public void A_score_high_in_both_rankings_beats_one_first_in_only_one()
    {
        IReadOnlyList<ScoreHit> keyword = [Hit("solo"), Hit("both")];
        IReadOnlyList<ScoreHit> semantic = [Hit("other"), Hit("both")];

        Assert.Equal("both", ReciprocalRankFusion.Fuse([keyword, semantic], k: 60)[0].ScoreId);
    }

    [Fact]
    public void Fusion_does_not_change_the_hits_it_was_given()
    {
        var original = Hit("A", "title");
        ReciprocalRankFusion.Fuse([[original], [Hit("A", "music")]], k: 60);
        Assert.Equal(["title"], original.Matched);
        Assert.Equal(0f, original.Score);
    }
}
