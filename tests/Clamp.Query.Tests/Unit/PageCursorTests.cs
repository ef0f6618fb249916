using Clamp.Contracts.Grpc;
using Clamp.Query.Paging;

namespace Clamp.Query.Tests.Unit;

public sealed class PageCursorTests
{
    [Fact]
    public void A_token_round_trips_offset_version_and_fingerprint()
    {
        var cursor = new PageCursor(30, "2.0.0-rc.1", PageCursor.FingerprintOf("search", "jigs in D", null));
        var decoded = PageCursor.Decode(cursor.Encode());
        Assert.Equal(cursor, decoded);
        Assert.DoesNotContain('+', cursor.Encode());
        Assert.DoesNotContain('/', cursor.Encode());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("cDEKLTEKYWJjCjEuMA")] // "p1\n-1\nabc\n1.0": a negative offset
    [InlineData("cDIKMTAKYWJjCjEuMA")] // "p2\n10\nabc\n1.0": another format
    public void Anything_else_is_not_a_token(string token) => Assert.Null(PageCursor.Decode(token));

    [Fact]
    public void The_fingerprint_depends_on_the_kind_the_subject_and_the_filter()
    {
        var plain = PageCursor.FingerprintOf("search", "jigs", null);
        Assert.Equal(plain, PageCursor.FingerprintOf("search", "jigs", new ScoreFilter()));
        Assert.NotEqual(plain, PageCursor.FingerprintOf("similar", "jigs", null));
        Assert.NotEqual(plain, PageCursor.FingerprintOf("search", "reels", null));
        Assert.NotEqual(plain, PageCursor.FingerprintOf("search", "jigs", new ScoreFilter { Keys = { "D major" } }));
    }
}
